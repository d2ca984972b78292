// `npm run bench [-- --no-build] [-- --only=growth,…]`: build, measure argon2id, start the production server, run
// every scenario (or only the named ones), print the table and keep it in BENCHMARKS.md (a run of some scenarios
// only prints it: the file keeps one whole run). Exits 1 when a scenario could not measure what it claims.
import os from "node:os";
import { argon2Rows, measureArgon2, measureArgon2Drift } from "./argon2-limit";
import { buildApp } from "./build";
import { markdownTable, renderSection, writeBenchmarks, BENCHMARKS_FILE } from "./report";
import { scenarios } from "./scenarios";
import { processTree, statusKiB } from "./proc-info";
import { startServer, stopEverything, stopServer, type BenchServer } from "./server-process";
import type { Argon2Reference, Row, Scenario } from "./types";

const WATCHDOG_MS = 240_000;
const started = Date.now();
const log = (message: string) => console.log(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(3)} s] ${message}`);

type Outcome = { rows: Row[]; notes: string[]; problems: string[] };

type Args = { build: boolean; selected: Scenario[]; partial: boolean };

const slug = (scenario: Scenario) => scenario.name.replace(/\s+/g, "-");

function parseArgs(argv: string[]): Args {
  const only = argv.filter((a) => a.startsWith("--only=")).flatMap((a) => a.slice("--only=".length).split(",").filter(Boolean));
  const unknown = argv.filter((a) => a !== "--no-build" && !a.startsWith("--only="));
  if (unknown.length) throw new Error(`unknown argument(s): ${unknown.join(" ")} (accepted: --no-build, --only=<scenario>[,<scenario>…])`);
  const missing = only.filter((name) => !scenarios.some((s) => slug(s) === name));
  if (missing.length) throw new Error(`no scenario named ${missing.join(", ")} (scenarios: ${scenarios.map(slug).join(", ")})`);
  // Kept in the run's order: later scenarios read what earlier ones measured.
  const selected = only.length ? scenarios.filter((s) => only.includes(slug(s))) : scenarios;
  return { build: !argv.includes("--no-build"), selected, partial: only.length > 0 };
}

async function runScenarios(server: BenchServer, argon2: Argon2Reference, selected: Scenario[]): Promise<Outcome> {
  const outcome: Outcome = { rows: [], notes: [], problems: [] };
  const context = { baseUrl: server.baseUrl, serverPid: server.pid, serverPidNote: server.pidNote, dbFile: server.dbFile, argon2, measured: {}, log };
  for (const scenario of selected) {
    try {
      const result = await scenario.run(context);
      outcome.rows.push(...result.rows);
      outcome.notes.push(...result.notes);
      outcome.problems.push(...result.problems);
    } catch (error) {
      outcome.problems.push(`${scenario.name} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    // Which scenario grows the server's memory: each process's peak so far, in the log.
    const peaks = processTree(server.pid).map((pid) => `${((statusKiB(pid, "VmHWM") ?? 0) / 1024).toFixed(0)}`);
    log(`after ${scenario.name}: peak RSS per server process ${peaks.join(" / ")} MiB`);
  }
  const serverErrors = server.output.text().split("\n").filter((l) => /error/i.test(l));
  if (serverErrors.length) outcome.notes.push(`Server logged ${serverErrors.length} error line(s), last: ${serverErrors.at(-1)}`);
  return outcome;
}

/** Stops the servers however the run ends (error, Ctrl-C, watchdog), and removes the databases prepared for them. */
function guard(watchdogMs: number): void {
  const bail = async (why: string) => {
    console.error(`bench: ${why}, stopping the servers`);
    await stopEverything(log);
    process.exit(1);
  };
  process.once("SIGINT", () => void bail("interrupted"));
  process.once("SIGTERM", () => void bail("terminated"));
  setTimeout(() => void bail(`still running after ${watchdogMs / 1000} s`), watchdogMs).unref();
}

function report(outcome: Outcome, { build, partial }: Args, loadAverage: number[]): void {
  console.log(`\n${markdownTable(outcome.rows)}\n`);
  for (const note of outcome.notes) console.log(`- ${note}`);
  if (outcome.problems.length) {
    console.error(`\nBENCH FAILED — ${BENCHMARKS_FILE} not updated:\n${outcome.problems.map((p) => `  ✗ ${p}`).join("\n")}`);
    return;
  }
  if (partial) {
    log(`--only: ${BENCHMARKS_FILE} not updated (it keeps the figures of one whole run)`);
    return;
  }
  // The PostgreSQL (growth, two instances) and the Redis (reservation cost, two instances) the scenarios used, when
  // they came from the environment (the shared server itself ignores them).
  const database = process.env.TEST_DATABASE_URL ? `TEST_DATABASE_URL=${process.env.TEST_DATABASE_URL} ` : "";
  const redis = process.env.TEST_REDIS_URL && !process.env.REDIS_URL ? `TEST_REDIS_URL=${process.env.TEST_REDIS_URL} ` : "";
  const command = `${database}${redis}npm run bench${build ? "" : " -- --no-build"}`;
  const info = { startedAt: new Date(started), command, loadAverage, elapsedS: (Date.now() - started) / 1000 };
  writeBenchmarks(renderSection(outcome.rows, outcome.notes, info));
  log(`wrote ${BENCHMARKS_FILE}`);
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const { build, selected } = args;
  const loadAverage = os.loadavg();
  guard(WATCHDOG_MS + selected.reduce((sum, s) => sum + (s.budgetMs ?? 0), 0));
  if (build) await buildApp(log);
  const argon2 = await measureArgon2(log);
  const server = await startServer(log);
  let outcome: Outcome;
  try {
    outcome = await runScenarios(server, argon2, selected);
  } finally {
    await stopServer(server, log);
  }
  outcome.rows.unshift(...argon2Rows(argon2), await measureArgon2Drift(argon2, log));
  report(outcome, args, loadAverage);
  log(`done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return outcome.problems.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
