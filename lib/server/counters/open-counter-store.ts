import "server-only";
import { Redis } from "ioredis";
import type { Kysely } from "kysely";
import type { Config } from "@/lib/config";
import type { Database } from "@/lib/db/schema";
import type { CounterStore } from "./counter-store";
import { createRedisCounterStore } from "./redis-counter-store";
import { createSqlCounterStore } from "./sql-counter-store";

/** Redis when REDIS_URL is set (shared by every instance), else the database. */
export async function openCounterStore(config: Pick<Config, "REDIS_URL">, db: Kysely<Database>): Promise<CounterStore> {
  if (!config.REDIS_URL) return createSqlCounterStore(db);
  const redis = new Redis(config.REDIS_URL, { maxRetriesPerRequest: 2 });
  redis.on("error", (error) => console.error("redis:", error.message));
  return createRedisCounterStore(redis);
}
