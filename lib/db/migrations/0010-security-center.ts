import "server-only";
import type { Kysely } from "kysely";

// The security center: why a session ended (so its browser can be told), the devices an account has signed in
// from (a new one is announced), single-use "this was not me" links, and support cases (a suspicious transaction
// reported now; the support pages come later). Indexes for paging history and transactions as they grow.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("ended_sessions")
    .addColumn("session_id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("reason", "text", (c) => c.notNull())
    .addColumn("ended_at", "bigint", (c) => c.notNull())
    // The ended session's own end: past it, nobody holds a cookie worth explaining.
    .addColumn("expires_at", "bigint", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("ended_sessions_expires").on("ended_sessions").column("expires_at").execute();
  await db.schema
    .createTable("known_devices")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    // A keyed hash of the device cookie's random id; the cookie itself is never stored.
    .addColumn("device_hash", "text", (c) => c.notNull())
    .addColumn("ip", "text")
    .addColumn("user_agent", "text")
    .addColumn("first_seen_at", "bigint", (c) => c.notNull())
    .addColumn("last_seen_at", "bigint", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("known_devices_user_device").on("known_devices").columns(["user_id", "device_hash"]).unique().execute();
  await db.schema
    .createTable("not_me_tokens")
    .addColumn("token_hash", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    // Which alert carried it, e.g. "new_device".
    .addColumn("alert", "text", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("expires_at", "bigint", (c) => c.notNull())
    .addColumn("used_at", "bigint")
    .execute();
  await db.schema.createIndex("not_me_tokens_expires").on("not_me_tokens").column("expires_at").execute();
  await db.schema
    .createTable("support_tickets")
    .addColumn("id", "text", (c) => c.primaryKey())
    // "QN-YYYY-NNNNNN", what the user quotes to support.
    .addColumn("reference", "text", (c) => c.notNull().unique())
    .addColumn("user_id", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("category", "text", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("transaction_id", "text", (c) => c.references("transactions.id").onDelete("set null"))
    .addColumn("status", "text", (c) => c.notNull().defaultTo("open"))
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("updated_at", "bigint", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("support_tickets_user").on("support_tickets").columns(["user_id", "created_at"]).execute();
  // History and transactions are read a page at a time, newest first, optionally of one kind.
  await db.schema.createIndex("security_events_user_page").on("security_events").columns(["user_id", "created_at", "id"]).execute();
  await db.schema.createIndex("transactions_user_kind").on("transactions").columns(["user_id", "kind", "occurred_at"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("transactions_user_kind").execute();
  await db.schema.dropIndex("security_events_user_page").execute();
  for (const table of ["support_tickets", "not_me_tokens", "known_devices", "ended_sessions"]) {
    await db.schema.dropTable(table).execute();
  }
}
