import "server-only";
import type { Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  // Hashes of a user's previous passwords, so the last five cannot be set again.
  await db.schema
    .createTable("password_history")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("password_hash", "text", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("password_history_user").on("password_history").columns(["user_id", "created_at"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("password_history").execute();
}
