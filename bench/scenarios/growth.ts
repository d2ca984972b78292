// Growth: does a sign-in, or a paused-identifier refusal, cost more once the portal has a million accounts and ten
// million audit rows? Two servers run side by side on the same engine — one on a small database, one on a large
// one — and take sequential requests in turn (small, large, large, small, …), so drift on the shared machine falls
// on both alike. On SQLite, and on PostgreSQL when TEST_DATABASE_URL names a server to create databases on.
import { randomBytes } from "node:crypto";
import { serverTreeCpuMs } from "../cpu-meter";
import { exited, OutputTail, spawnCaptured } from "../child-process";
import { createPgDatabase, dropPgDatabase, seedPostgres, seedSqlite, type GrowthSize, type SeedReport } from "../growth-seed";
import { cookieHeader, fetchCsrf, formHeaders, isPausedRefusal, isSignedIn, signInForm, CREDENTIALS_PATH, DEMO_IDENTIFIER, DEMO_PASSWORD, PAUSED_IDENTIFIER } from "../http-client";
import { removeDbFiles, removeOnBail, shareAuthSecret, startServer, stopServer, type BenchServer, type ServerDatabase } from "../server-process";
import { fixed, median, percentile } from "../stats";
import type { BenchContext, Row, Scenario, ScenarioResult } from "../types";

const SMALL: GrowthSize = { label: "small", users: 1_000, auditRows: 0 };
/**
 * BENCH_GROWTH_LARGE="users,auditRows" shrinks the large end for a quick try (the rows name the sizes used); the
 * figures in BENCHMARKS.md come from the default.
 */
const LARGE: GrowthSize = largeSize(process.env.BENCH_GROWTH_LARGE);
/**
 * The bound for large ÷ small median. Every query of both paths is an indexed lookup or insert, whose cost grows
 * with the depth of a B-tree: from 1 000 to 1 000 000 rows that is one or two more page visits, microseconds
 * against a sign-in of tens of ms (mostly argon2id) and a refusal of a few ms (mostly the HTTP round trip). 1.2×
 * leaves room for two servers' noise on a shared 2-core machine; a scan or a count over 10 million rows would cost
 * hundreds of ms, many times over.
 */
const TARGET_RATIO = 1.2;
const WARM_UP_ROUNDS = 5;
const MAX_ROUNDS = 300;
const BUDGET_MS = 25_000;
/** Refusals are cheap and noisier: several per round keep their percentiles steady. */
const REFUSALS_PER_ROUND = 4;
/** More unexpected answers than this share fails the run: the scenario would time something else. */
const MAX_UNEXPECTED = 0.02;

function largeSize(spec: string | undefined): GrowthSize {
  const [users, auditRows] = (spec ?? "1000000,10000000").split(",").map(Number);
  if (!(users >= SMALL.users) || !(auditRows >= 0)) throw new Error(`BENCH_GROWTH_LARGE="${spec}": expected "users,auditRows" with users ≥ ${SMALL.users}`);
  return { label: "large", users, auditRows };
}

const count = (n: number) => n.toLocaleString("en-US").replace(/,/g, " ");
const describeSize = (size: GrowthSize) => `${count(size.users)} users, ${count(size.auditRows)} audit rows`;

type Engine = {
  name: "SQLite" | "PostgreSQL";
  /** Migrates and seeds a database of this size; returns how to start a server on it and how to remove it. */
  prepare: (size: GrowthSize, now: number) => Promise<Prepared>;
};
type Prepared = { database: ServerDatabase; seed: SeedReport; remove: () => Promise<void> };

/** The demo accounts (demo@ signs in, paused@ is paused for ~2 h) and the migrations, from the production build. */
async function seedDemo(databaseUrl: string): Promise<void> {
  const output = new OutputTail(40);
  const env = { ...process.env, NODE_ENV: "production" as const, AUTH_SECRET: shareAuthSecret(), DATABASE_URL: databaseUrl };
  const code = await exited(spawnCaptured(process.execPath, ["dist/db-seed.js"], { env }, output));
  if (code !== 0) throw new Error(`dist/db-seed.js on ${databaseUrl} exited with ${code}:\n${output.text()}`);
}

const tag = randomBytes(4).toString("hex");

/** `drop` runs once, whether the scenario ends normally or the run is cut short meanwhile. */
function removal(drop: () => Promise<void>): () => Promise<void> {
  const forget = removeOnBail(drop);
  return async () => {
    forget();
    await drop();
  };
}

const sqlite: Engine = {
  name: "SQLite",
  prepare: async (size, now) => {
    const dbFile = `data/growth-${tag}-${size.label}.db`;
    const remove = removal(async () => removeDbFiles(dbFile));
    try {
      await seedDemo(`file:${dbFile}`);
      return { database: { dbFile, prepared: true }, seed: await seedSqlite(dbFile, size, now), remove };
    } catch (error) {
      await remove();
      throw error;
    }
  },
};

function postgres(adminUrl: string): Engine {
  return {
    name: "PostgreSQL",
    prepare: async (size, now) => {
      const name = `qn_growth_${tag}_${size.label}`;
      const databaseUrl = await createPgDatabase(adminUrl, name);
      const remove = removal(() => dropPgDatabase(adminUrl, name));
      try {
        await seedDemo(databaseUrl);
        return { database: { databaseUrl, prepared: true }, seed: await seedPostgres(databaseUrl, size, now), remove };
      } catch (error) {
        await remove();
        throw error;
      }
    },
  };
}

type Samples = { ms: number[]; cpuMs: number; unexpected: Map<string, number> };
type Side = { size: GrowthSize; seed: SeedReport; server: BenchServer; cookie: string; csrfToken: string; signIn: Samples; refusal: Samples };

const emptySamples = (): Samples => ({ ms: [], cpuMs: 0, unexpected: new Map() });

/** One POST to the credentials callback, timed to the complete response, with the server's CPU time around it. */
async function post(side: Side, identifier: string, password: string) {
  const cpu = serverTreeCpuMs(side.server.pid);
  const started = performance.now();
  const response = await fetch(`${side.server.baseUrl}${CREDENTIALS_PATH}`, {
    method: "POST",
    headers: formHeaders({ token: side.csrfToken, cookie: side.cookie }),
    body: signInForm(identifier, password, { token: side.csrfToken, cookie: side.cookie }),
    redirect: "manual",
    signal: AbortSignal.timeout(10_000),
  });
  await response.arrayBuffer();
  const ms = performance.now() - started;
  return { ms, cpuMs: serverTreeCpuMs(side.server.pid) - cpu, status: response.status, location: response.headers.get("location") ?? undefined, setCookies: response.headers.getSetCookie() };
}

function record(samples: Samples, result: Awaited<ReturnType<typeof post>>, expected: boolean, keep: boolean): void {
  if (!expected) {
    const answer = `${result.status} → ${result.location ?? "(no Location)"}`;
    samples.unexpected.set(answer, (samples.unexpected.get(answer) ?? 0) + 1);
  }
  if (!keep) return;
  samples.ms.push(result.ms);
  samples.cpuMs += result.cpuMs;
}

/**
 * A returning user's sign-in (demo@, from a browser it has used before: the device cookie of the first sign-in is
 * sent back), then paused@'s refusals (refused before any hash).
 */
async function round(side: Side, keep: boolean): Promise<void> {
  const signIn = await post(side, DEMO_IDENTIFIER, DEMO_PASSWORD);
  record(side.signIn, signIn, isSignedIn(signIn.status, signIn.location), keep);
  if (!side.cookie.includes("qn-device=")) side.cookie = cookieHeader(signIn.setCookies.filter((c) => c.startsWith("qn-device=")), side.cookie);
  for (let i = 0; i < REFUSALS_PER_ROUND; i++) {
    const refusal = await post(side, PAUSED_IDENTIFIER, "Wrong-password-2026");
    record(side.refusal, refusal, isPausedRefusal(refusal.status, refusal.location), keep);
  }
}

async function alternate(small: Side, large: Side): Promise<number> {
  for (let i = 0; i < WARM_UP_ROUNDS; i++) for (const side of i % 2 ? [large, small] : [small, large]) await round(side, false);
  const deadline = performance.now() + BUDGET_MS;
  let rounds = 0;
  for (; rounds < MAX_ROUNDS && performance.now() < deadline; rounds++) {
    for (const side of rounds % 2 ? [large, small] : [small, large]) await round(side, true);
  }
  return rounds;
}

const latency = (xs: number[]) => `${fixed(median(xs))} / ${fixed(percentile(xs, 95))} ms`;

function rowsFor(engine: Engine["name"], small: Side, large: Side, rounds: number): Row[] {
  const kinds = [
    { what: "successful sign-in", pick: (s: Side) => s.signIn },
    { what: "paused-identifier refusal", pick: (s: Side) => s.refusal },
  ];
  const rows: Row[] = [
    {
      metric: `${engine} growth: seeding small (${describeSize(small.size)}) / large (${describeSize(large.size)})`,
      value: `${fixed(small.seed.seconds)} s / ${fixed(large.seed.seconds)} s`,
      target: "—",
      met: null,
    },
  ];
  for (const { what, pick } of kinds) {
    const [s, l] = [pick(small), pick(large)];
    const ratio = median(l.ms) / median(s.ms);
    rows.push(
      { metric: `${engine} ${what} p50 / p95, small │ large (${rounds} rounds)`, value: `${latency(s.ms)} │ ${latency(l.ms)}`, target: "—", met: null },
      { metric: `${engine} ${what}: large ÷ small median`, value: `${fixed(ratio, 2)}×`, target: `≤ ${fixed(TARGET_RATIO, 1)}×`, met: ratio <= TARGET_RATIO },
      { metric: `${engine} server CPU per ${what}, small │ large`, value: `${fixed(s.cpuMs / s.ms.length)} │ ${fixed(l.cpuMs / l.ms.length)} ms`, target: "—", met: null },
    );
  }
  return rows;
}

function checkAnswers(engine: Engine["name"], sides: Side[]): string[] {
  const problems: string[] = [];
  for (const side of sides) {
    for (const [what, samples] of [["sign-ins", side.signIn], ["refusals", side.refusal]] as const) {
      const wrong = [...samples.unexpected.values()].reduce((a, b) => a + b, 0);
      if (wrong > MAX_UNEXPECTED * Math.max(1, samples.ms.length)) {
        problems.push(`growth, ${engine} ${side.size.label}: ${wrong} unexpected ${what} (${[...samples.unexpected].map(([a, n]) => `${n}× ${a}`).join("; ")})`);
      }
    }
  }
  return problems;
}

async function startSide(context: BenchContext, size: GrowthSize, prepared: Prepared): Promise<Side> {
  const server = await startServer(context.log, prepared.database);
  try {
    const csrf = await fetchCsrf(server.baseUrl);
    return { size, seed: prepared.seed, server, cookie: csrf.cookie, csrfToken: csrf.token, signIn: emptySamples(), refusal: emptySamples() };
  } catch (error) {
    await stopServer(server, context.log);
    throw error;
  }
}

async function measureEngine(context: BenchContext, engine: Engine): Promise<ScenarioResult> {
  const now = Date.now();
  const prepared: Prepared[] = [];
  const sides: Side[] = [];
  try {
    for (const size of [SMALL, LARGE]) {
      context.log(`growth, ${engine.name}: seeding ${describeSize(size)} …`);
      prepared.push(await engine.prepare(size, now));
      context.log(`growth, ${engine.name}: seeded in ${fixed(prepared.at(-1)!.seed.seconds)} s`);
    }
    for (const [i, size] of [SMALL, LARGE].entries()) sides.push(await startSide(context, size, prepared[i]));
    const [small, large] = sides;
    context.log(`growth, ${engine.name}: alternating small/large, up to ${MAX_ROUNDS} rounds, ${BUDGET_MS / 1000} s …`);
    const rounds = await alternate(small, large);
    return { rows: rowsFor(engine.name, small, large, rounds), notes: [], problems: checkAnswers(engine.name, sides) };
  } finally {
    for (const side of sides) await stopServer(side.server, context.log);
    for (const p of prepared) await p.remove();
  }
}

async function run(context: BenchContext): Promise<ScenarioResult> {
  const result: ScenarioResult = { rows: [], notes: [], problems: [] };
  const adminUrl = process.env.TEST_DATABASE_URL?.trim();
  const engines = [sqlite, ...(adminUrl ? [postgres(adminUrl)] : [])];
  for (const engine of engines) {
    const measured = await measureEngine(context, engine);
    result.rows.push(...measured.rows);
    result.problems.push(...measured.problems);
  }
  if (!adminUrl) result.rows.push({ metric: "PostgreSQL growth", value: "not measured: TEST_DATABASE_URL unset", target: "—", met: null });
  result.notes.push(
    `Growth: per engine, two servers at once on databases prepared before they start (dist/db-seed.js, then bulk rows made inside the engine: one argon2id hash shared by the bulk accounts, audit rows of realistic kinds over the last 365 days spread over them), small = ${describeSize(SMALL)}, large = ${describeSize(LARGE)}. Sequential requests in rounds alternating small, large, large, small …; a round = one sign-in of demo@ from a browser it used before, then ${REFUSALS_PER_ROUND} refusals of paused@ (after ${WARM_UP_ROUNDS} warm-up rounds). Server CPU = the listening process's utime + stime around each request (10 ms ticks, averaged).${adminUrl ? ` PostgreSQL: fresh databases qn_growth_${tag}_* on ${new URL(adminUrl).host}, dropped afterwards.` : ""}`,
  );
  return result;
}

export const growth: Scenario = { name: "growth", budgetMs: 420_000, run };
