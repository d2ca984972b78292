import nextEnv from "@next/env";
import { ConfigError, getConfig } from "@/lib/config";
import { createDb } from "@/lib/db/create-db";
import { migrateToLatest } from "@/lib/db/migrate";
import { seedDemo } from "./seed-demo";
import { ensureDevAuthSecret } from "./dev-secret";
import { printDemoSignIns } from "./seed-if-empty";

nextEnv.loadEnvConfig(process.cwd(), process.env.NODE_ENV !== "production");
ensureDevAuthSecret();
try {
  const db = await createDb(getConfig().DATABASE_URL);
  await migrateToLatest(db);
  await seedDemo(db);
  await db.destroy();
  printDemoSignIns();
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : `Seeding failed: ${(error as Error).message}`);
  process.exit(1);
}
