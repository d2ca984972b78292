import "server-only";
import type { Kysely } from "kysely";

// A refusal repeated from one identifier within a minute is one audit row with a count (PRODUCT §14: an attack must
// not fill the disk). repeat_key names the row such repeats add to; other events leave it null, and null never
// collides with null in a unique index, on SQLite and PostgreSQL alike.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("security_events").addColumn("repeat_count", "integer", (c) => c.notNull().defaultTo(1)).execute();
  await db.schema.alterTable("security_events").addColumn("repeat_key", "text").execute();
  await db.schema.createIndex("security_events_repeat").on("security_events").column("repeat_key").unique().execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("security_events_repeat").execute();
  await db.schema.alterTable("security_events").dropColumn("repeat_key").execute();
  await db.schema.alterTable("security_events").dropColumn("repeat_count").execute();
}
