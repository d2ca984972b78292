// `npm start`: the production server (after `npm run build`); AUTH_SECRET and DATABASE_URL come from the environment.
import nextEnv from "@next/env";

(process.env as Record<string, string>).NODE_ENV = "production";
process.env.NEXT_TELEMETRY_DISABLED ??= "1";
nextEnv.loadEnvConfig(process.cwd(), false);

const { startServer } = await import("./server");
await startServer({ dev: false });
