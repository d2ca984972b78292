import "server-only";
import type { Kysely } from "kysely";
import type { Database } from "@/lib/db/schema";
import type { OutboxMessage } from "./outbox-transport";

/** The newest outbox messages first, whatever their status (for /dev/mailbox). */
export function listOutboxMessages(db: Kysely<Database>, { limit = 200 }: { limit?: number } = {}): Promise<OutboxMessage[]> {
  return db.selectFrom("outbox").selectAll().orderBy("created_at", "desc").orderBy("id").limit(limit).execute();
}
