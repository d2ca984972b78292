// `npm run dev`: the portal on the embedded default — SQLite file, dev mailbox, seeded demo accounts.
import nextEnv from "@next/env";
import { ensureDevAuthSecret } from "./dev-secret";

(process.env as Record<string, string>).NODE_ENV ??= "development";
process.env.NEXT_TELEMETRY_DISABLED ??= "1";
nextEnv.loadEnvConfig(process.cwd(), true);

ensureDevAuthSecret();

const { startServer } = await import("./server");
const { seedIfEmpty } = await import("./seed-if-empty");
await startServer({ dev: true, beforeListen: seedIfEmpty });
