import "server-only";
import { SqliteAdapter, sql, type Kysely } from "kysely";

// "bigint" has INTEGER affinity on SQLite and is int8 on PostgreSQL: one type for epoch-ms columns on both.
export async function up(db: Kysely<any>): Promise<void> {
  const isSqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  const adapterTimestamp = isSqlite ? "text" : "timestamptz";

  await db.schema
    .createTable("users")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("email", "text", (c) => c.unique())
    .addColumn("mobile", "text", (c) => c.unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("password_hash", "text")
    .addColumn("status", "text", (c) => c.notNull().defaultTo("active"))
    .addColumn("role", "text", (c) => c.notNull().defaultTo("user"))
    .addColumn("locale", "text", (c) => c.notNull().defaultTo("zh-CN"))
    .addColumn("frozen_reason", "text")
    .addColumn("frozen_case_ref", "text")
    .addColumn("frozen_at", "bigint")
    .addColumn("password_changed_at", "bigint")
    .addColumn("email_verified_at", sql.raw(adapterTimestamp))
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("updated_at", "bigint", (c) => c.notNull())
    .addCheckConstraint("users_has_identifier", sql`email is not null or mobile is not null`)
    .execute();

  await db.schema
    .createTable("sessions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("persistent", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("ip", "text")
    .addColumn("user_agent", "text")
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("last_seen_at", "bigint", (c) => c.notNull())
    .addColumn("expires_at", "bigint", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("sessions_user_id").on("sessions").column("user_id").execute();

  await db.schema
    .createTable("verification_tokens")
    .addColumn("identifier", "text", (c) => c.notNull())
    .addColumn("token", "text", (c) => c.notNull())
    .addColumn("expires", sql.raw(adapterTimestamp), (c) => c.notNull())
    .addPrimaryKeyConstraint("verification_tokens_pk", ["identifier", "token"])
    .execute();

  await db.schema
    .createTable("security_events")
    .addColumn("id", isSqlite ? "integer" : "bigserial", (c) => (isSqlite ? c.primaryKey().autoIncrement() : c.primaryKey()))
    .addColumn("type", "text", (c) => c.notNull())
    .addColumn("user_id", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("identifier_hash", "text")
    .addColumn("ip", "text")
    .addColumn("user_agent", "text")
    .addColumn("detail", "text")
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("security_events_user").on("security_events").columns(["user_id", "created_at"]).execute();
  await db.schema
    .createIndex("security_events_identifier")
    .on("security_events")
    .columns(["identifier_hash", "created_at"])
    .execute();

  await db.schema
    .createTable("transactions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("amount_cents", "bigint", (c) => c.notNull())
    .addColumn("currency", "text", (c) => c.notNull().defaultTo("CNY"))
    .addColumn("counterparty", "text", (c) => c.notNull())
    .addColumn("occurred_at", "bigint", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("transactions_user").on("transactions").columns(["user_id", "occurred_at"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ["transactions", "security_events", "verification_tokens", "sessions", "users"]) {
    await db.schema.dropTable(table).execute();
  }
}
