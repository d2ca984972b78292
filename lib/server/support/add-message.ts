import "server-only";
import { randomUUID } from "node:crypto";
import type { Transaction } from "kysely";
import type { Database, SupportMessageAuthor, SupportTicketStatus } from "@/lib/db/schema";
import type { Screenshot } from "./accept-screenshot";

type MessageInput = { ticketId: string; author: SupportMessageAuthor; authorUserId: string | null; body: string; screenshots?: Screenshot[]; status: SupportTicketStatus; now: number };

/** Appends a message (and its screenshots) to a ticket and moves the ticket to `status`, inside the caller's transaction. */
export async function addMessage(trx: Transaction<Database>, { ticketId, author, authorUserId, body, screenshots = [], status, now }: MessageInput): Promise<string> {
  const id = randomUUID();
  await trx.insertInto("support_messages").values({ id, ticket_id: ticketId, author, author_user_id: authorUserId, body, created_at: now }).execute();
  for (const shot of screenshots) {
    await trx
      .insertInto("support_attachments")
      .values({ id: randomUUID(), ticket_id: ticketId, message_id: id, mime: shot.mime, bytes: shot.bytes, size: shot.size, width: shot.width, height: shot.height, created_at: now })
      .execute();
  }
  await trx.updateTable("support_tickets").set({ status, updated_at: now }).where("id", "=", ticketId).execute();
  return id;
}
