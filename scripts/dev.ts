// `npm run dev`: the portal on the embedded default — SQLite file, dev mailbox, seeded demo accounts.
import fs from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import nextEnv from "@next/env";

(process.env as Record<string, string>).NODE_ENV ??= "development";
process.env.NEXT_TELEMETRY_DISABLED ??= "1";
nextEnv.loadEnvConfig(process.cwd(), true);

// Development only: one AUTH_SECRET generated on first run and kept in data/, so sessions survive restarts.
if (!process.env.AUTH_SECRET) {
  const file = path.resolve("data/auth-secret");
  fs.mkdirSync(path.dirname(file), { recursive: true });
  if (!fs.existsSync(file)) fs.writeFileSync(file, randomBytes(33).toString("base64"), { mode: 0o600 });
  process.env.AUTH_SECRET = fs.readFileSync(file, "utf8").trim();
}

const { startServer } = await import("./server");
const { seedIfEmpty } = await import("./seed-if-empty");
await startServer({ dev: true, beforeListen: seedIfEmpty });
