// The server Playwright starts: a production build on a fresh SQLite file, migrated and seeded.
import fs from "node:fs";
import path from "node:path";
import nextEnv from "@next/env";

(process.env as Record<string, string>).NODE_ENV = "production";
process.env.NEXT_TELEMETRY_DISABLED = "1";
nextEnv.loadEnvConfig(process.cwd(), false);

const file = path.resolve(process.env.E2E_DB_FILE ?? "data/e2e.db");
// E2E_KEEP_DB: a second start on the same file (the restart test) keeps what the first left behind.
if (!process.env.E2E_KEEP_DB) for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
process.env.DATABASE_URL = `file:${file}`;

const { startServer } = await import("./server");
const { seedDemo } = await import("./seed-demo");

await startServer({
  dev: false,
  beforeListen: async () => {
    if (!process.env.E2E_KEEP_DB) await seedDemo();
  },
});
