// PostgreSQL and Redis shared by several portal instances in one spec: a fresh database and an empty Redis
// database per run, both removed afterwards, so runs never see each other's accounts or counters.
import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import type { Kysely } from "kysely";
import pg from "pg";
import { createDb } from "@/lib/db/create-db";
import type { Database } from "@/lib/db/schema";
import { findNginx } from "./nginx";
import { withAdmin } from "@/test/pg-admin";

export type SharedServices = {
  databaseUrl: string;
  redisUrl: string;
  /** The run's database, for a spec's own accounts and for reading what the instances wrote. */
  db: Kysely<Database>;
  /** The run's Redis database, where the instances keep their counters. */
  redis: Redis;
  dispose: () => Promise<void>;
};

export function isCi(): boolean {
  const ci = process.env.CI?.trim().toLowerCase();
  return !!ci && ci !== "0" && ci !== "false";
}

/** What this machine lacks for a multi-instance run (the same variables as the unit tests), or null. */
export async function missingForInstances(): Promise<string | null> {
  const databaseUrl = process.env.TEST_DATABASE_URL?.trim();
  const redisUrl = process.env.TEST_REDIS_URL?.trim();
  if (!databaseUrl || !redisUrl) return "TEST_DATABASE_URL and TEST_REDIS_URL must name a PostgreSQL and a Redis server";
  if (!findNginx()) return "nginx is not installed (apt-get install -y nginx, or set NGINX_PATH)";
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (error) {
    return `PostgreSQL at TEST_DATABASE_URL is unreachable: ${(error as Error).message}`;
  } finally {
    await client.end().catch(() => {});
  }
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    return `Redis at TEST_REDIS_URL is unreachable: ${(error as Error).message}`;
  } finally {
    redis.disconnect();
  }
  return null;
}

/**
 * The instances' counters use fixed key names (per IP, per account), so a run gets a Redis database (1–15) that
 * holds no keys yet rather than sharing database 0 with other runs on the same server.
 */
async function openEmptyRedisDatabase(baseUrl: string): Promise<{ url: string; redis: Redis }> {
  const indexes = Array.from({ length: 15 }, (_, i) => i + 1).sort(() => Math.random() - 0.5);
  for (const index of indexes) {
    const url = new URL(baseUrl);
    url.pathname = `/${index}`;
    const redis = new Redis(url.toString(), { maxRetriesPerRequest: 2 });
    // The claim key stops a run starting at the same moment from taking the same database (it goes with the rest).
    if ((await redis.dbsize()) === 0 && (await redis.set("qn:e2e-run", "1", "EX", 3600, "NX")) === "OK") return { url: url.toString(), redis };
    redis.disconnect();
  }
  throw new Error(`every Redis database 1–15 at ${baseUrl} holds keys: none is free for this run`);
}

/** A fresh, empty PostgreSQL database and an empty Redis database (the instances migrate and seed them). */
export async function openSharedServices(): Promise<SharedServices> {
  const adminUrl = process.env.TEST_DATABASE_URL!.trim();
  const name = `qn_multi_${randomBytes(6).toString("hex")}`;
  await withAdmin(adminUrl, (c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = await createDb(url.toString());
  const { url: redisUrl, redis } = await openEmptyRedisDatabase(process.env.TEST_REDIS_URL!.trim());
  return {
    databaseUrl: url.toString(),
    redisUrl,
    db,
    redis,
    dispose: async () => {
      await db.destroy();
      // Only this run's keys: the portal's counters all start with its prefix.
      for (let cursor = "0"; ; ) {
        const [next, keys] = await redis.scan(cursor, "MATCH", "qn:*", "COUNT", 500);
        if (keys.length > 0) await redis.del(...keys);
        cursor = next;
        if (cursor === "0") break;
      }
      redis.disconnect();
      await withAdmin(adminUrl, async (c) => {
        await c.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()", [name]);
        await c.query(`DROP DATABASE IF EXISTS ${name}`);
      });
    },
  };
}
