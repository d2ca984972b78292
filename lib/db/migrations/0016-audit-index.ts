import "server-only";
import type { Kysely } from "kysely";

// security_events(user_id, created_at) is a leading prefix of security_events(user_id, created_at, id) (0010): every
// query by account — history pages, the status view's recent failures — is served by the longer one, on SQLite and
// PostgreSQL alike, so the shorter one was only written. With 10 million audit rows it held 650 MB on PostgreSQL,
// and every audit row (one per sign-in and per refusal) cost an extra random B-tree leaf.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("security_events_user").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex("security_events_user").on("security_events").columns(["user_id", "created_at"]).execute();
}
