// The server Playwright starts: a production build on a fresh SQLite file (or a given PostgreSQL database), migrated and seeded.
import cluster from "node:cluster";
import fs from "node:fs";
import path from "node:path";
import nextEnv from "@next/env";

(process.env as Record<string, string>).NODE_ENV = "production";
process.env.NEXT_TELEMETRY_DISABLED = "1";
nextEnv.loadEnvConfig(process.cwd(), false);

// One process unless a spec asks for more (WEB_CONCURRENCY): the suite's shared server stays simple to reason about.
process.env.WEB_CONCURRENCY ||= "1";
// E2E_KEEP_DB: a second start on the same database (the restart test, a second instance) keeps what the first
// left behind, and a database the caller prepared (the growth bench) is used as it is, not seeded again. Workers of a
// clustered start share the database the primary prepared.
if (process.env.E2E_DATABASE_URL) {
  // A PostgreSQL database the caller created for this run (several instances may share it); it drops it afterwards.
  process.env.DATABASE_URL = process.env.E2E_DATABASE_URL;
} else {
  const file = path.resolve(process.env.E2E_DB_FILE ?? "data/e2e.db");
  if (!process.env.E2E_KEEP_DB && cluster.isPrimary) for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
  process.env.DATABASE_URL = `file:${file}`;
}

const { startServerProcesses } = await import("./server-processes");
const { seedDemo } = await import("./seed-demo");

await startServerProcesses({
  prepare: async () => {
    if (!process.env.E2E_KEEP_DB) await seedDemo();
  },
});
