import "server-only";
import path from "node:path";
import fs from "node:fs";
import { Kysely, PostgresDialect, SqliteDialect } from "kysely";
import type { Database } from "./schema";

export type DbDialect = "sqlite" | "postgres";

export function dialectOf(url: string): DbDialect {
  return /^postgres(ql)?:\/\//.test(url) ? "postgres" : "sqlite";
}

function sqliteFile(url: string): string {
  const file = url.replace(/^file:/, "");
  return file === ":memory:" ? file : path.resolve(file);
}

type SqliteDatabase = import("better-sqlite3").Database;

/**
 * Kysely prepares every query again; the same few dozen statements run on every sign-in, and preparing costs about
 * as much as running them. Reuse a prepared statement unless it is busy (a streamed query still iterating).
 * SQLite re-prepares a reused statement by itself when the schema changes (migrations).
 */
export function reusePreparedStatements(database: SqliteDatabase, max = 500): void {
  const prepare = database.prepare.bind(database);
  const statements = new Map<string, ReturnType<typeof prepare>>();
  database.prepare = ((source: string) => {
    const cached = statements.get(source);
    // Least recently used first out: a hit moves the statement to the end.
    statements.delete(source);
    const statement = cached && !cached.busy ? cached : prepare(source);
    if (statements.size >= max) statements.delete(statements.keys().next().value!);
    statements.set(source, statement);
    return statement;
  }) as typeof database.prepare;
}

async function createSqlite(url: string) {
  const { default: SQLite } = await import("better-sqlite3");
  const file = sqliteFile(url);
  if (file !== ":memory:") fs.mkdirSync(path.dirname(file), { recursive: true });
  const database = new SQLite(file);
  database.pragma("journal_mode = WAL");
  database.pragma("busy_timeout = 5000");
  database.pragma("foreign_keys = ON");
  database.pragma("synchronous = NORMAL");
  reusePreparedStatements(database);
  return new SqliteDialect({ database });
}

async function createPostgres(url: string) {
  const pg = await import("pg");
  // Epoch-millisecond timestamps and counts are int8: read them as numbers, not strings.
  pg.default.types.setTypeParser(20, (v: string) => Number(v));
  const pool = new pg.default.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 5000 });
  pool.on("error", () => {});
  return new PostgresDialect({ pool });
}

/** Opens a Kysely instance for a DATABASE_URL: SQLite for file:…, PostgreSQL for postgres://…. */
export async function createDb(url: string): Promise<Kysely<Database>> {
  const dialect = dialectOf(url) === "postgres" ? await createPostgres(url) : await createSqlite(url);
  return new Kysely<Database>({ dialect });
}
