import "server-only";
import type { Kysely } from "kysely";

// Service incidents posted by agents (with their timeline of updates) and, per mobile platform, the app versions
// still allowed and the newest one: a later page shows both to users who cannot sign in.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("incidents")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("title_zh", "text", (c) => c.notNull())
    .addColumn("title_en", "text", (c) => c.notNull())
    .addColumn("body_zh", "text", (c) => c.notNull())
    .addColumn("body_en", "text", (c) => c.notNull())
    .addColumn("severity", "text", (c) => c.notNull())
    // 1 or 0, as every flag here (SQLite has no boolean).
    .addColumn("affects_sign_in", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("created_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("updated_at", "bigint", (c) => c.notNull())
    .addColumn("resolved_at", "bigint")
    .execute();
  await db.schema.createIndex("incidents_resolved").on("incidents").columns(["resolved_at", "created_at"]).execute();
  await db.schema
    .createTable("incident_updates")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("incident_id", "text", (c) => c.notNull().references("incidents.id").onDelete("cascade"))
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("body_zh", "text", (c) => c.notNull())
    .addColumn("body_en", "text", (c) => c.notNull())
    .addColumn("agent_id", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("incident_updates_incident").on("incident_updates").columns(["incident_id", "created_at"]).execute();
  await db.schema
    .createTable("client_version_rules")
    .addColumn("platform", "text", (c) => c.primaryKey())
    .addColumn("minimum", "text", (c) => c.notNull())
    .addColumn("latest", "text", (c) => c.notNull())
    .addColumn("update_url", "text", (c) => c.notNull())
    .addColumn("message_zh", "text", (c) => c.notNull())
    .addColumn("message_en", "text", (c) => c.notNull())
    .addColumn("updated_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("updated_at", "bigint", (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("client_version_rules").execute();
  await db.schema.dropTable("incident_updates").execute();
  await db.schema.dropTable("incidents").execute();
}
