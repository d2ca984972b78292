// Bulk data for the growth scenario: many accounts and a long audit log, written straight into a database that
// dist/db-seed.js has migrated and seeded with the demo accounts, before a server starts on it. Everything is
// generated inside the database engine (a recursive CTE on SQLite, generate_series on PostgreSQL) so that
// 10 million rows take seconds, not the minutes row-by-row inserts from Node would.
import path from "node:path";
import SQLite from "better-sqlite3";
import pg from "pg";
import { hashPassword } from "../lib/password/argon2";

export type GrowthSize = { label: string; users: number; auditRows: number };

const DAY_MS = 86_400_000;
/** Audit rows spread over the last year: inside the 400-day retention, so housekeeping deletes none of them. */
const AUDIT_SPAN_MS = 365 * DAY_MS;
/** Rows per INSERT … SELECT: big enough to stay in the engine, small enough to keep the WAL and undo log modest. */
const CHUNK = 2_000_000;
/** The bulk accounts need a password hash but never sign in: one hash, made once, serves them all. */
const BULK_PASSWORD = "Growth-bulk-2026";
/** Multiplicative hashing (Knuth) scatters consecutive numbers, so ids and audit rows land all over the indexes. */
const SCATTER = 2654435761;

/**
 * The audit mix, by row number modulo 20: mostly sign-ins and failures, as a wallet's log is. The same list for
 * both engines; the kinds exist in record-security-event.ts.
 */
const KINDS = [
  ...Array<string>(10).fill("sign_in_succeeded"),
  ...Array<string>(4).fill("sign_in_failed"),
  "new_device_signed_in",
  "signed_out",
  "password_changed",
  "reset_requested",
  "sign_in_refused_paused",
  "second_step_started",
];
const AGENTS = [
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
  "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36",
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36",
];

export type SeedReport = { users: number; auditRows: number; seconds: number };

/** How many rows the demo seed already wrote, so the bulk tops them up to exactly `size`. */
type Existing = { users: number };

function chunks(total: number): [number, number][] {
  const out: [number, number][] = [];
  for (let from = 1; from <= total; from += CHUNK) out.push([from, Math.min(total, from + CHUNK - 1)]);
  return out;
}

// ---------------------------------------------------------------------------------------------------------- SQLite

const SQLITE_USER_ID = `printf('%08x-%04x-4000-8000-%012x', (u * ${SCATTER}) % 4294967296, u % 65536, u)`;

function sqliteKind(column: string): string {
  return `CASE ${column} % ${KINDS.length} ${KINDS.map((k, i) => `WHEN ${i} THEN '${k}'`).join(" ")} END`;
}

/** Fills an SQLite file; the server must not be running on it (the indexes are rebuilt after the bulk insert). */
export async function seedSqlite(dbFile: string, size: GrowthSize, now: number): Promise<SeedReport> {
  const started = performance.now();
  const passwordHash = await hashPassword(BULK_PASSWORD);
  const db = new SQLite(path.resolve(dbFile));
  try {
    // Alone on the file: no fsync per chunk, a large cache; foreign keys hold by construction (ids computed alike).
    db.pragma("synchronous = OFF");
    db.pragma("cache_size = -1000000");
    db.pragma("foreign_keys = OFF");
    const existing: Existing = { users: (db.prepare("SELECT count(*) AS n FROM users").get() as { n: number }).n };
    const bulkUsers = size.users - existing.users;
    db.prepare(
      `WITH RECURSIVE n(u) AS (SELECT 1 UNION ALL SELECT u + 1 FROM n WHERE u < @count)
       INSERT INTO users (id, email, mobile, name, password_hash, status, role, locale, password_changed_at, created_at, updated_at)
       SELECT ${SQLITE_USER_ID}, 'g' || u || '@growth.test', printf('+86139%08d', u), '用户' || u, @hash, 'active', 'user',
              CASE u % 5 WHEN 0 THEN 'en' ELSE 'zh-CN' END, @now - u * 1000, @now - ${AUDIT_SPAN_MS} - u * 1000, @now FROM n`,
    ).run({ count: bulkUsers, hash: passwordHash, now });
    // "0 audit rows" at the small end: the demo seed's own history goes too.
    db.prepare("DELETE FROM security_events").run();
    if (size.auditRows > 0) {
      const indexes = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'security_events' AND sql IS NOT NULL").all() as { name: string; sql: string }[];
      for (const index of indexes) db.exec(`DROP INDEX "${index.name}"`);
      const step = Math.floor(AUDIT_SPAN_MS / size.auditRows);
      const insert = db.prepare(
        `WITH RECURSIVE n(i) AS (SELECT @from UNION ALL SELECT i + 1 FROM n WHERE i < @to)
         INSERT INTO security_events (type, user_id, identifier_hash, ip, user_agent, detail, created_at)
         SELECT ${sqliteKind("i")}, ${SQLITE_USER_ID}, printf('%08x%035d', (u * ${SCATTER}) % 4294967296, u),
                '10.' || (u % 250) || '.' || (i % 250) || '.' || (u % 199), CASE i % 3 ${AGENTS.map((a, k) => `WHEN ${k} THEN '${a}'`).join(" ")} END,
                NULL, @start + i * @step
         FROM (SELECT i, (i * ${SCATTER}) % @users + 1 AS u FROM n)`,
      );
      for (const [from, to] of chunks(size.auditRows)) {
        db.transaction(() => insert.run({ from, to, users: bulkUsers, start: now - AUDIT_SPAN_MS, step }))();
      }
      for (const index of indexes) db.exec(index.sql);
    }
    db.pragma("wal_checkpoint(TRUNCATE)");
  } finally {
    db.close();
  }
  return { users: size.users, auditRows: size.auditRows, seconds: (performance.now() - started) / 1000 };
}

// ------------------------------------------------------------------------------------------------------ PostgreSQL

const PG_USER_ID = `format('%s-%s-4000-8000-%s', lpad(to_hex((u * ${SCATTER}) % 4294967296), 8, '0'), lpad(to_hex(u % 65536), 4, '0'), lpad(to_hex(u), 12, '0'))`;
const PG_KINDS = `(ARRAY[${KINDS.map((k) => `'${k}'`).join(", ")}])[i % ${KINDS.length} + 1]`;
const PG_AGENTS = `(ARRAY[${AGENTS.map((a) => `'${a}'`).join(", ")}])[i % 3 + 1]`;

/** A fresh, empty database next to the one in `adminUrl`; returns its URL. */
export async function createPgDatabase(adminUrl: string, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function dropPgDatabase(adminUrl: string, name: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

async function pgSession(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  // A bench database that is dropped afterwards: no need to wait for each commit to reach the disk. Foreign keys
  // hold by construction (the audit rows' user ids are computed like the accounts'): replica mode skips their
  // per-row triggers, which would otherwise double the load time.
  await client.query("SET synchronous_commit = off; SET maintenance_work_mem = '512MB'; SET session_replication_role = replica");
  return client;
}

/**
 * Fills a PostgreSQL database. The audit indexes are dropped for the bulk insert and rebuilt after it, on two
 * connections at once (one per core); then ANALYZE, as autovacuum would do shortly after such a load in production.
 */
export async function seedPostgres(url: string, size: GrowthSize, now: number): Promise<SeedReport> {
  const started = performance.now();
  const passwordHash = await hashPassword(BULK_PASSWORD);
  const clients = [await pgSession(url), await pgSession(url)];
  const [db] = clients;
  try {
    const existing = Number((await db.query<{ n: string }>("SELECT count(*) AS n FROM users")).rows[0].n);
    const bulkUsers = size.users - existing;
    await db.query(
      `INSERT INTO users (id, email, mobile, name, password_hash, status, role, locale, password_changed_at, created_at, updated_at)
       SELECT ${PG_USER_ID}, 'g' || u || '@growth.test', '+86139' || lpad(u::text, 8, '0'), '用户' || u, $1, 'active', 'user',
              CASE WHEN u % 5 = 0 THEN 'en' ELSE 'zh-CN' END, $2::bigint - u * 1000, $2::bigint - ${AUDIT_SPAN_MS} - u * 1000, $2::bigint
       FROM generate_series(1, $3::bigint) AS u`,
      [passwordHash, now, bulkUsers],
    );
    await db.query("DELETE FROM security_events");
    if (size.auditRows > 0) {
      const indexes = (
        await db.query<{ indexname: string; indexdef: string }>(
          "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'security_events' AND indexname NOT IN (SELECT conname FROM pg_constraint)",
        )
      ).rows;
      for (const index of indexes) await db.query(`DROP INDEX "${index.indexname}"`);
      const step = Math.floor(AUDIT_SPAN_MS / size.auditRows);
      const parts = chunks(size.auditRows);
      const insertPart = async (client: pg.Client, [from, to]: [number, number]) =>
        client.query(
          `INSERT INTO security_events (type, user_id, identifier_hash, ip, user_agent, detail, created_at)
           SELECT ${PG_KINDS}, ${PG_USER_ID}, lpad(to_hex((u * ${SCATTER}) % 4294967296), 8, '0') || lpad(u::text, 35, '0'),
                  '10.' || (u % 250) || '.' || (i % 250) || '.' || (u % 199), ${PG_AGENTS}, NULL, $3::bigint + i * $4::bigint
           FROM (SELECT i, (i * ${SCATTER}) % $5::bigint + 1 AS u FROM generate_series($1::bigint, $2::bigint) AS i) s`,
          [from, to, now - AUDIT_SPAN_MS, step, bulkUsers],
        );
      await inTurns(clients, parts, insertPart);
      await inTurns(clients, indexes, (client, index) => client.query(index.indexdef));
    }
    await db.query("ANALYZE");
  } finally {
    await Promise.all(clients.map((c) => c.end()));
  }
  return { users: size.users, auditRows: size.auditRows, seconds: (performance.now() - started) / 1000 };
}

/** Runs `work` over `items`, each client taking the next item as soon as it is free. */
async function inTurns<T>(clients: pg.Client[], items: T[], work: (client: pg.Client, item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(
    clients.map(async (client) => {
      while (next < items.length) await work(client, items[next++]);
    }),
  );
}
