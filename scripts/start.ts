// `npm start`: the production server (after `npm run build`) on every core; AUTH_SECRET and DATABASE_URL come from the environment.
import nextEnv from "@next/env";

(process.env as Record<string, string>).NODE_ENV = "production";
process.env.NEXT_TELEMETRY_DISABLED ??= "1";
nextEnv.loadEnvConfig(process.cwd(), false);

const { startServerProcesses } = await import("./server-processes");
await startServerProcesses();
