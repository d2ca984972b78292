import "server-only";
import { sql, type Kysely } from "kysely";

// Secrets leave message bodies for an encrypted column that is cleared once a message settles; settled
// messages and old security events are deleted after their retention, counted from settled_at / created_at.
export async function up(db: Kysely<any>): Promise<void> {
  // One column per statement: SQLite's ALTER TABLE adds one at a time.
  await db.schema.alterTable("outbox").addColumn("secrets", "text").execute();
  await db.schema.alterTable("outbox").addColumn("settled_at", "bigint").execute();
  await db.updateTable("outbox").set({ settled_at: sql.ref("sent_at") }).where("status", "=", "sent").execute();
  // Older failed rows did not record when they were given up; their last planned retry is the closest time.
  await db.updateTable("outbox").set({ settled_at: sql.ref("next_attempt_at") }).where("status", "=", "failed").execute();
  await db.schema.createIndex("outbox_settled").on("outbox").column("settled_at").execute();
  await db.schema.createIndex("security_events_created").on("security_events").column("created_at").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("security_events_created").execute();
  await db.schema.dropIndex("outbox_settled").execute();
  await db.schema.alterTable("outbox").dropColumn("settled_at").execute();
  await db.schema.alterTable("outbox").dropColumn("secrets").execute();
}
