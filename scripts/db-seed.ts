import nextEnv from "@next/env";
import { ConfigError } from "@/lib/config";
import { closeDb } from "@/lib/db";
import { getCounterStore } from "@/lib/server/counters";
import { seedDemo } from "./seed-demo";
import { ensureDevAuthSecret } from "./dev-secret";
import { printDemoSignIns } from "./seed-if-empty";

nextEnv.loadEnvConfig(process.cwd(), process.env.NODE_ENV !== "production");
ensureDevAuthSecret();
try {
  await seedDemo();
  await (await getCounterStore()).close();
  await closeDb();
  printDemoSignIns();
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : `Seeding failed: ${(error as Error).message}`);
  process.exit(1);
}
