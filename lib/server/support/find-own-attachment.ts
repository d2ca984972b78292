import "server-only";
import type { Kysely } from "kysely";
import type { Database } from "@/lib/db/schema";
import { ownedBy, type SupportOwner } from "./support-owner";

/** A screenshot's bytes, only from one of the owner's own tickets. */
export async function findOwnAttachment(db: Kysely<Database>, { id, owner }: { id: string; owner: SupportOwner }): Promise<{ mime: string; bytes: Buffer } | null> {
  const row = await db
    .selectFrom("support_attachments")
    .innerJoin("support_tickets", "support_tickets.id", "support_attachments.ticket_id")
    .select(["support_attachments.mime", "support_attachments.bytes"])
    .where("support_attachments.id", "=", id)
    .where(ownedBy(owner))
    .executeTakeFirst();
  return row ? { mime: row.mime, bytes: Buffer.from(row.bytes) } : null;
}
