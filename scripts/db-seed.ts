import nextEnv from "@next/env";
import { ConfigError, getConfig } from "@/lib/config";
import { createDb } from "@/lib/db/create-db";
import { migrateToLatest } from "@/lib/db/migrate";
import { seedDemoData } from "@/lib/db/seed";
import { printDemoSignIns } from "./seed-if-empty";

nextEnv.loadEnvConfig(process.cwd(), process.env.NODE_ENV !== "production");
try {
  const db = await createDb(getConfig().DATABASE_URL);
  await migrateToLatest(db);
  await seedDemoData(db);
  await db.destroy();
  printDemoSignIns();
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : `Seeding failed: ${(error as Error).message}`);
  process.exit(1);
}
