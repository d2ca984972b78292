import "server-only";
import type { Kysely } from "kysely";

// One-time codes now serve the status view and the SMS password reset; a session may be reset-only (it can set a password, nothing else).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("status_codes").addColumn("purpose", "text", (c) => c.notNull().defaultTo("status")).execute();
  await db.schema.alterTable("sessions").addColumn("purpose", "text", (c) => c.notNull().defaultTo("full")).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("sessions").dropColumn("purpose").execute();
  await db.schema.alterTable("status_codes").dropColumn("purpose").execute();
}
