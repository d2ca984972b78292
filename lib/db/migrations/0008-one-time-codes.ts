import "server-only";
import type { Kysely } from "kysely";

// The table of one-time codes serves the status view and the SMS password reset alike (column purpose): named for
// what it holds. SQLite cannot rename an index, so it is made again under the new name.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("status_codes_identifier").execute();
  await db.schema.alterTable("status_codes").renameTo("one_time_codes").execute();
  await db.schema.createIndex("one_time_codes_identifier").on("one_time_codes").columns(["identifier_hash", "purpose", "created_at"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("one_time_codes_identifier").execute();
  await db.schema.alterTable("one_time_codes").renameTo("status_codes").execute();
  await db.schema.createIndex("status_codes_identifier").on("status_codes").columns(["identifier_hash", "created_at"]).execute();
}
