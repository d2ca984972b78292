// The counter stores that rule tests run against: the database's (SQLite, and PostgreSQL when
// TEST_DATABASE_URL is set) and Redis when TEST_REDIS_URL is set (required on CI).
import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import type { Kysely } from "kysely";
import { afterAll, beforeAll } from "vitest";
import type { Database } from "@/lib/db/schema";
import type { CounterStore } from "@/lib/server/counters/counter-store";
import { createRedisCounterStore } from "@/lib/server/counters/redis-counter-store";
import { createSqlCounterStore } from "@/lib/server/counters/sql-counter-store";
import { testDatabases, useDatabase, type DatabaseKind } from "./databases";

export type StoreKind = { name: string; database: DatabaseKind; redisUrl?: string };

function isCi(): boolean {
  const ci = process.env.CI?.trim().toLowerCase();
  return !!ci && ci !== "0" && ci !== "false";
}

/** Every database with its own counters, plus SQLite with Redis counters. */
export function storeKinds(): StoreKind[] {
  const databases = testDatabases();
  const kinds: StoreKind[] = databases.map((database) => ({ name: `${database.name} counters`, database }));
  const redisUrl = process.env.TEST_REDIS_URL?.trim();
  if (redisUrl) kinds.push({ name: "redis counters", database: databases[0], redisUrl });
  else if (isCi()) throw new Error("CI is set but TEST_REDIS_URL is not: the Redis counter tests would be skipped");
  return kinds;
}

/** Inside a describe(): a fresh database and a counter store of the kind, cleaned up afterwards. */
export function useStore(kind: StoreKind): { readonly db: Kysely<Database>; readonly store: CounterStore } {
  const database = useDatabase(kind.database);
  let redis: Redis | undefined;
  const prefix = `qn-test:${randomBytes(6).toString("hex")}:`;
  beforeAll(() => {
    if (kind.redisUrl) redis = new Redis(kind.redisUrl);
  });
  afterAll(async () => {
    if (!redis) return;
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  });
  return {
    get db() {
      return database.db;
    },
    get store() {
      return redis ? createRedisCounterStore(redis, prefix) : createSqlCounterStore(database.db);
    },
  };
}
