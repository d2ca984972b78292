import "server-only";
import { sql, type Kysely } from "kysely";

// Which features an incident affects, as a JSON array of names in a text column (the same on SQLite and PostgreSQL).
// Incidents posted before only said whether sign-in was affected: that becomes ["sign_in"], the rest an empty list.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("incidents").addColumn("features", "text", (c) => c.notNull().defaultTo("[]")).execute();
  await db.updateTable("incidents").set({ features: sql`'["sign_in"]'` }).where("affects_sign_in", "=", 1).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("incidents").dropColumn("features").execute();
}
