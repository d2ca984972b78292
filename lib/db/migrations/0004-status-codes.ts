import "server-only";
import type { Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  // One row per code sent (or pretended to be sent, for an identifier without an account: user_id null).
  await db.schema
    .createTable("status_codes")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("identifier_hash", "text", (c) => c.notNull())
    .addColumn("user_id", "text", (c) => c.references("users.id").onDelete("cascade"))
    .addColumn("code_hash", "text", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("expires_at", "bigint", (c) => c.notNull())
    .addColumn("last_sent_at", "bigint", (c) => c.notNull())
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("used_at", "bigint")
    .execute();
  await db.schema.createIndex("status_codes_identifier").on("status_codes").columns(["identifier_hash", "created_at"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("status_codes").execute();
}
