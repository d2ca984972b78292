// The databases that data tests run against: SQLite always, PostgreSQL when TEST_DATABASE_URL is set.
// Each open() gives a brand-new, migrated database that nothing else uses, and cleanup() removes it.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Kysely } from "kysely";
import { afterAll, beforeAll, inject } from "vitest";
import { createDb } from "@/lib/db/create-db";
import { migrateToLatest } from "@/lib/db/migrate";
import type { Database } from "@/lib/db/schema";
import { withAdmin } from "./pg-admin";

export type TestDatabase = {
  db: Kysely<Database>;
  url: string;
  cleanup: () => Promise<void>;
};

export type DatabaseKind = {
  name: "sqlite" | "postgres";
  /** A fresh database; migrated unless `migrate: false`. */
  open: (options?: { migrate?: boolean }) => Promise<TestDatabase>;
};

function isCi(): boolean {
  const ci = process.env.CI?.trim().toLowerCase();
  return !!ci && ci !== "0" && ci !== "false";
}

async function finish(db: Kysely<Database>, url: string, migrate: boolean, drop: () => Promise<void>): Promise<TestDatabase> {
  try {
    if (migrate) await migrateToLatest(db);
  } catch (error) {
    await db.destroy();
    await drop();
    throw error;
  }
  let done = false;
  return {
    db,
    url,
    cleanup: async () => {
      if (done) return;
      done = true;
      await db.destroy();
      await drop();
    },
  };
}

const sqlite: DatabaseKind = {
  name: "sqlite",
  async open({ migrate = true } = {}) {
    const dir = fs.mkdtempSync(path.join(inject("tmpRoot") ?? os.tmpdir(), "sqlite-"));
    const url = `file:${path.join(dir, "test.db")}`;
    const db = await createDb(url);
    return finish(db, url, migrate, async () => fs.rmSync(dir, { recursive: true, force: true }));
  },
};

function postgres(adminUrl: string): DatabaseKind {
  return {
    name: "postgres",
    async open({ migrate = true } = {}) {
      const name = `qn_test_${randomBytes(6).toString("hex")}`;
      await withAdmin(adminUrl, (c) => c.query(`CREATE DATABASE ${name}`));
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      const drop = () =>
        withAdmin(adminUrl, async (c) => {
          await c.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()", [name]);
          await c.query(`DROP DATABASE IF EXISTS ${name}`);
        });
      const db = await createDb(url.toString());
      return finish(db, url.toString(), migrate, drop);
    },
  };
}

/**
 * SQLite, plus PostgreSQL when TEST_DATABASE_URL is set. On CI a missing TEST_DATABASE_URL is an error:
 * PostgreSQL must never be skipped silently there.
 */
export function testDatabases(): DatabaseKind[] {
  const pgUrl = process.env.TEST_DATABASE_URL?.trim();
  if (!pgUrl) {
    if (isCi()) throw new Error("CI is set but TEST_DATABASE_URL is not: the PostgreSQL tests would be skipped");
    return [sqlite];
  }
  if (!/^postgres(ql)?:\/\//.test(pgUrl)) throw new Error("TEST_DATABASE_URL must be a postgres:// URL");
  return [sqlite, postgres(pgUrl)];
}

/**
 * Inside a describe(): opens one fresh migrated database for the block (beforeAll) and removes it (afterAll).
 * Read `.db` only inside tests and hooks.
 */
export function useDatabase(kind: DatabaseKind): { readonly db: Kysely<Database>; readonly url: string } {
  let current: TestDatabase | undefined;
  beforeAll(async () => {
    current = await kind.open();
  });
  afterAll(async () => {
    await current?.cleanup();
  });
  return {
    get db() {
      if (!current) throw new Error("database not open yet: use it inside a test or hook");
      return current.db;
    },
    get url() {
      if (!current) throw new Error("database not open yet: use it inside a test or hook");
      return current.url;
    },
  };
}
