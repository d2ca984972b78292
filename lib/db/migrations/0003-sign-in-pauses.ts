import "server-only";
import type { Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  // Keyed by a keyed hash of the normalized identifier: phantom identifiers are counted without storing them.
  await db.schema
    .createTable("sign_in_failures")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("failures", "integer", (c) => c.notNull())
    .addColumn("last_failure_at", "bigint", (c) => c.notNull())
    .addColumn("paused_until", "bigint")
    .execute();

  await db.schema
    .createTable("rate_counters")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("count", "integer", (c) => c.notNull())
    .addColumn("reset_at", "bigint", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("rate_counters_reset_at").on("rate_counters").column("reset_at").execute();

  await db.schema
    .createTable("unlock_tokens")
    .addColumn("token_hash", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("expires_at", "bigint", (c) => c.notNull())
    .addColumn("used_at", "bigint")
    .execute();
  await db.schema.createIndex("unlock_tokens_user").on("unlock_tokens").column("user_id").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ["unlock_tokens", "rate_counters", "sign_in_failures"]) await db.schema.dropTable(table).execute();
}
