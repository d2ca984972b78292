// `npm run bench [-- --no-build]`: build, measure argon2id, start the production server, run every scenario,
// print the table and keep it in BENCHMARKS.md. Exits 1 when a scenario could not measure what it claims.
import os from "node:os";
import { argon2Rows, measureArgon2, measureArgon2Drift } from "./argon2-limit";
import { buildApp } from "./build";
import { markdownTable, renderSection, writeBenchmarks, BENCHMARKS_FILE } from "./report";
import { scenarios } from "./scenarios";
import { startServer, stopServer, type BenchServer } from "./server-process";
import type { Argon2Reference, Row } from "./types";

const WATCHDOG_MS = 240_000;
const started = Date.now();
const log = (message: string) => console.log(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(3)} s] ${message}`);

type Outcome = { rows: Row[]; notes: string[]; problems: string[] };

function parseArgs(argv: string[]): { build: boolean } {
  const unknown = argv.filter((a) => a !== "--no-build");
  if (unknown.length) throw new Error(`unknown argument(s): ${unknown.join(" ")} (only --no-build is accepted)`);
  return { build: !argv.includes("--no-build") };
}

async function runScenarios(server: BenchServer, argon2: Argon2Reference): Promise<Outcome> {
  const outcome: Outcome = { rows: [], notes: [], problems: [] };
  const context = { baseUrl: server.baseUrl, serverPid: server.pid, serverPidNote: server.pidNote, dbFile: server.dbFile, argon2, measured: {}, log };
  for (const scenario of scenarios) {
    try {
      const result = await scenario.run(context);
      outcome.rows.push(...result.rows);
      outcome.notes.push(...result.notes);
      outcome.problems.push(...result.problems);
    } catch (error) {
      outcome.problems.push(`${scenario.name} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  const serverErrors = server.output.text().split("\n").filter((l) => /error/i.test(l));
  if (serverErrors.length) outcome.notes.push(`Server logged ${serverErrors.length} error line(s), last: ${serverErrors.at(-1)}`);
  return outcome;
}

/** Stops the server however the run ends (error, Ctrl-C, watchdog). */
function guard(getServer: () => BenchServer | undefined): void {
  const bail = async (why: string) => {
    console.error(`bench: ${why}, stopping the server`);
    const server = getServer();
    if (server) await stopServer(server, log);
    process.exit(1);
  };
  process.once("SIGINT", () => void bail("interrupted"));
  process.once("SIGTERM", () => void bail("terminated"));
  setTimeout(() => void bail(`still running after ${WATCHDOG_MS / 1000} s`), WATCHDOG_MS).unref();
}

function report(outcome: Outcome, build: boolean, loadAverage: number[]): void {
  console.log(`\n${markdownTable(outcome.rows)}\n`);
  for (const note of outcome.notes) console.log(`- ${note}`);
  if (outcome.problems.length) {
    console.error(`\nBENCH FAILED — ${BENCHMARKS_FILE} not updated:\n${outcome.problems.map((p) => `  ✗ ${p}`).join("\n")}`);
    return;
  }
  // The Redis the reservation-cost scenario used, when it came from the environment (the server itself ignores it).
  const redis = process.env.TEST_REDIS_URL && !process.env.REDIS_URL ? `TEST_REDIS_URL=${process.env.TEST_REDIS_URL} ` : "";
  const command = `${redis}npm run bench${build ? "" : " -- --no-build"}`;
  const info = { startedAt: new Date(started), command, loadAverage, elapsedS: (Date.now() - started) / 1000 };
  writeBenchmarks(renderSection(outcome.rows, outcome.notes, info));
  log(`wrote ${BENCHMARKS_FILE}`);
}

async function main(): Promise<number> {
  const { build } = parseArgs(process.argv.slice(2));
  const loadAverage = os.loadavg();
  let server: BenchServer | undefined;
  guard(() => server);
  if (build) await buildApp(log);
  const argon2 = await measureArgon2(log);
  server = await startServer(log);
  let outcome: Outcome;
  try {
    outcome = await runScenarios(server, argon2);
  } finally {
    await stopServer(server, log);
    server = undefined;
  }
  outcome.rows.unshift(...argon2Rows(argon2), await measureArgon2Drift(argon2, log));
  report(outcome, build, loadAverage);
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
