import "server-only";
import { sql, type Kysely } from "kysely";

// At most one case not yet closed per reported transaction: a second report, even a parallel one, finds the first.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex("support_tickets_open_transaction")
    .on("support_tickets")
    .column("transaction_id")
    .unique()
    .where(sql.ref("status"), "<>", "closed")
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("support_tickets_open_transaction").execute();
}
