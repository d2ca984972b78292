import "server-only";
import type { Kysely } from "kysely";

// One row per identity-proof recovery request, for a real account or none (user_id null): the evidence is sealed,
// and its columns are emptied 30 days after the decision.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("recovery_requests")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("reference", "text", (c) => c.notNull().unique())
    .addColumn("user_id", "text", (c) => c.references("users.id").onDelete("cascade"))
    .addColumn("contact_kind", "text", (c) => c.notNull())
    .addColumn("contact_hash", "text", (c) => c.notNull())
    .addColumn("evidence_sealed", "text")
    .addColumn("photo_sealed", "text")
    .addColumn("status", "text", (c) => c.notNull().defaultTo("pending"))
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("decided_at", "bigint")
    .addColumn("decided_by", "text")
    .addColumn("reset_link_due_at", "bigint")
    .addColumn("reset_link_sent_at", "bigint")
    .execute();
  await db.schema.createIndex("recovery_requests_decided").on("recovery_requests").column("decided_at").execute();
  await db.schema.createIndex("recovery_requests_link_due").on("recovery_requests").column("reset_link_due_at").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("recovery_requests").execute();
}
