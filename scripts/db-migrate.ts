import nextEnv from "@next/env";
import { ConfigError, getConfig } from "@/lib/config";
import { createDb } from "@/lib/db/create-db";
import { migrateToLatest } from "@/lib/db/migrate";

nextEnv.loadEnvConfig(process.cwd(), process.env.NODE_ENV !== "production");
try {
  const db = await createDb(getConfig().DATABASE_URL);
  const applied = await migrateToLatest(db);
  console.log(applied.length ? `Applied: ${applied.join(", ")}` : "Database is up to date.");
  await db.destroy();
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : `Migration failed: ${(error as Error).message}`);
  process.exit(1);
}
