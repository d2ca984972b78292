// What reserving the failure slots before the password hash costs a successful sign-in, measured in this
// process against each counter store: the gate as a successful sign-in now passes it (count, read, reserve,
// then give the slots back and clear) vs the read-only pass plus the same clear, in alternating blocks.
import { randomBytes, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { Redis } from "ioredis";
import type { Kysely } from "kysely";
import { createDb } from "../../lib/db/create-db";
import { migrateToLatest } from "../../lib/db/migrate";
import type { Database } from "../../lib/db/schema";
import type { CounterStore } from "../../lib/server/counters/counter-store";
import { createRedisCounterStore } from "../../lib/server/counters/redis-counter-store";
import { createSqlCounterStore } from "../../lib/server/counters/sql-counter-store";
import { passSignInGate, type GateInput } from "../../lib/server/lockout/pass-sign-in-gate";
import { accountPauseKey } from "../../lib/server/lockout/pause-key";
import { keys } from "../../lib/server/lockout/throttle-policy";
import { timeAlternating, type BlockTiming } from "../alternating-blocks";
import { fixed } from "../stats";
import type { BenchContext, Row, Scenario, ScenarioResult } from "../types";

const BLOCKS = { blockSize: 100, maxPairs: 40, budgetMs: 5000, warmUpPairs: 2 };
const TARGET_SHARE = 0.02;
const IP = "203.0.113.7";
/** Far above what the run reaches: the timing must not end in a refusal. */
const LIMITS = { postsPerMinute: 1e9, failuresPerIp: 1e9 };

type Target = { label: string; store: CounterStore };

/** The account's pause key and two identifier keys (email and mobile), as clearing an account's failures deletes. */
const accountKeys = () => [accountPauseKey(randomUUID()), ...[1, 2].map(() => randomBytes(32).toString("base64url"))];

/** Both variants on one store; afterwards no slot may be left reserved and no failure counted. */
async function measureStore({ store }: Target): Promise<{ timing: BlockTiming; leftOver: string | null }> {
  const [pauseKey, ...identifierKeys] = accountKeys();
  const clearKeys = [pauseKey, ...identifierKeys];
  const input = (reserve: boolean): GateInput => ({ store, pauseKey, ip: IP, limits: LIMITS, now: Date.now(), reserve, audit: async () => {} });
  let unreserved = 0;
  const withReservation = async () => {
    const admission = await passSignInGate(input(true));
    if (!admission) unreserved++;
    await Promise.all([admission?.release(), store.clearFailures(clearKeys)]);
  };
  const readOnly = async () => {
    await passSignInGate(input(false));
    await store.clearFailures(clearKeys);
  };
  const timing = await timeAlternating(withReservation, readOnly, BLOCKS);
  const [slots, failures] = [await store.peek(keys.ipFailures(IP), Date.now()), await store.getFailures(pauseKey, Date.now())];
  const leftOver = unreserved ? `${unreserved} gate passes reserved nothing` : slots.count || failures ? `left ${slots.count} network slot(s), failures ${JSON.stringify(failures)}` : null;
  return { timing, leftOver };
}

async function freshSqlite(file: string): Promise<Kysely<Database>> {
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
  const db = await createDb(`file:${file}`);
  await migrateToLatest(db);
  return db;
}

/** The Redis named by REDIS_URL or TEST_REDIS_URL, when it answers within 2 s; else why not. */
async function connectRedis(): Promise<{ redis: Redis; url: string } | string> {
  const url = (process.env.REDIS_URL || process.env.TEST_REDIS_URL)?.trim();
  if (!url) return "REDIS_URL and TEST_REDIS_URL unset";
  const redis = new Redis(url, { lazyConnect: true, connectTimeout: 2000, maxRetriesPerRequest: 1, retryStrategy: () => null });
  redis.on("error", () => {});
  try {
    await redis.connect();
    await redis.ping();
    return { redis, url };
  } catch (error) {
    redis.disconnect();
    return `${url} not reachable (${error instanceof Error ? error.message : String(error)})`;
  }
}

const ms = (value: number) => `${value >= 0 ? "+" : ""}${fixed(value, 3)} ms`;

function rows(label: string, timing: BlockTiming, cpuPerSignIn: number | undefined): Row[] {
  const share = cpuPerSignIn ? timing.deltaMs / cpuPerSignIn : Number.NaN;
  const n = `${timing.pairs} block pairs of ${BLOCKS.blockSize}`;
  return [
    { metric: `Sign-in gate work per successful sign-in, ${label}: with reservation / read-only pass (+ clear)`, value: `${fixed(timing.aMs, 3)} / ${fixed(timing.bMs, 3)} ms (${n})`, target: "—", met: null },
    { metric: `Reservation cost per sign-in, ${label} (median paired Δ; bench process CPU)`, value: `${ms(timing.deltaMs)} (CPU ${ms(timing.deltaCpuMs)})`, target: "—", met: null },
    {
      metric: `Reservation cost ÷ server CPU per sign-in (${fixed(cpuPerSignIn ?? Number.NaN)} ms), ${label}`,
      value: Number.isFinite(share) ? `${(share * 100).toFixed(2)} %` : "n/a",
      target: `≤ ${TARGET_SHARE * 100} %`,
      met: Number.isFinite(share) ? share <= TARGET_SHARE : false,
    },
  ];
}

async function measureTargets(context: BenchContext, targets: Target[]): Promise<ScenarioResult> {
  const result: ScenarioResult = { rows: [], notes: [], problems: [] };
  if (context.measured.serverCpuMsPerSignIn === undefined) result.problems.push("reservation cost: no server CPU per sign-in from the sign-in throughput scenario");
  for (const target of targets) {
    context.log(`reservation cost, ${target.label}: up to ${BLOCKS.maxPairs} block pairs, ${BLOCKS.budgetMs / 1000} s …`);
    const { timing, leftOver } = await measureStore(target);
    result.rows.push(...rows(target.label, timing, context.measured.serverCpuMsPerSignIn));
    if (leftOver) result.problems.push(`reservation cost, ${target.label}: ${leftOver}`);
  }
  return result;
}

async function run(context: BenchContext): Promise<ScenarioResult> {
  const file = path.resolve(`data/bench-gate-${process.pid}.db`);
  const db = await freshSqlite(file);
  const redis = await connectRedis();
  const prefix = `qn-bench:${randomBytes(6).toString("hex")}:`;
  const targets: Target[] = [{ label: "SQLite", store: createSqlCounterStore(db) }];
  if (typeof redis !== "string") targets.push({ label: "Redis", store: createRedisCounterStore(redis.redis, prefix) });
  try {
    const result = await measureTargets(context, targets);
    const redisNote = typeof redis === "string" ? `Redis not measured: ${redis}.` : `Redis at ${new URL(redis.url).host} (keys under ${prefix}, deleted afterwards).`;
    result.notes.push(
      `Reservation cost: timed in the bench process with the server idle, alternating blocks of ${BLOCKS.blockSize} (A B, B A, …): A = the gate with reservation, then the network slot given back and the account's three failure keys cleared (what a successful sign-in does); B = the read-only gate pass, then the same clear. SQLite: a fresh migrated file, the SQL counter store. ${redisNote} B only reads the per-minute submission counter, which sign-in counted (one write) before the reservation existed, so A − B is an upper bound on the reservation's cost.`,
    );
    return result;
  } finally {
    await db.destroy();
    for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
    if (typeof redis !== "string") {
      const left = await redis.redis.keys(`${prefix}*`);
      if (left.length) await redis.redis.del(...left);
      redis.redis.disconnect();
    }
  }
}

export const reservationCost: Scenario = { name: "reservation cost", run };
