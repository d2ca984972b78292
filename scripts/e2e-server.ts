// The server Playwright starts: a production build on a fresh SQLite file, migrated and seeded.
import cluster from "node:cluster";
import fs from "node:fs";
import path from "node:path";
import nextEnv from "@next/env";

(process.env as Record<string, string>).NODE_ENV = "production";
process.env.NEXT_TELEMETRY_DISABLED = "1";
nextEnv.loadEnvConfig(process.cwd(), false);

// One process unless a spec asks for more (WEB_CONCURRENCY): the suite's shared server stays simple to reason about.
process.env.WEB_CONCURRENCY ||= "1";
const file = path.resolve(process.env.E2E_DB_FILE ?? "data/e2e.db");
// E2E_DATABASE_URL: a PostgreSQL database instead of the SQLite file (the growth bench prepares large ones); the
// caller creates and drops it, so nothing is deleted here.
const external = process.env.E2E_DATABASE_URL;
// E2E_KEEP_DB: a second start on the same file (the restart test) keeps what the first left behind, and a database
// the caller prepared is used as it is (not seeded again). Workers of a clustered start share the file the primary
// prepared.
if (!external && !process.env.E2E_KEEP_DB && cluster.isPrimary) for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
process.env.DATABASE_URL = external || `file:${file}`;

const { startServerProcesses } = await import("./server-processes");
const { seedDemo } = await import("./seed-demo");

await startServerProcesses({
  prepare: async () => {
    if (!process.env.E2E_KEEP_DB) await seedDemo();
  },
});
