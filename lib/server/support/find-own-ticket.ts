import "server-only";
import type { Kysely } from "kysely";
import type { Database, SupportMessageAuthor, SupportTicketCategory, SupportTicketStatus } from "@/lib/db/schema";
import { ownedBy, type SupportOwner } from "./support-owner";

export type TicketMessage = { id: string; author: SupportMessageAuthor; body: string; createdAt: number; attachments: { id: string; width: number; height: number }[] };
export type OwnTicket = { id: string; reference: string; category: SupportTicketCategory; status: SupportTicketStatus; createdAt: number; messages: TicketMessage[] };

/** One ticket with its conversation, only if it belongs to `owner` (anyone else's reference reads as absent). */
export async function findOwnTicket(db: Kysely<Database>, { reference, owner }: { reference: string; owner: SupportOwner }): Promise<OwnTicket | null> {
  const ticket = await db
    .selectFrom("support_tickets")
    .select(["id", "reference", "category", "status", "body", "created_at"])
    .where("reference", "=", reference)
    .where(ownedBy(owner))
    .executeTakeFirst();
  return ticket ? withConversation(db, { ...ticket, createdAt: Number(ticket.created_at) }) : null;
}

/** The ticket's conversation: its opening text first, screenshots without a message belonging to it. */
export async function withConversation(db: Kysely<Database>, ticket: Omit<OwnTicket, "messages"> & { body: string }): Promise<OwnTicket> {
  const [messages, attachments] = await Promise.all([
    db.selectFrom("support_messages").select(["id", "author", "body", "created_at"]).where("ticket_id", "=", ticket.id).orderBy("created_at").orderBy("id").execute(),
    db.selectFrom("support_attachments").select(["id", "message_id", "width", "height"]).where("ticket_id", "=", ticket.id).orderBy("created_at").orderBy("id").execute(),
  ]);
  const shotsOf = (messageId: string | null) => attachments.filter((a) => a.message_id === messageId).map((a) => ({ id: a.id, width: Number(a.width), height: Number(a.height) }));
  const opening: TicketMessage = { id: ticket.id, author: "user", body: ticket.body, createdAt: ticket.createdAt, attachments: shotsOf(null) };
  return {
    id: ticket.id,
    reference: ticket.reference,
    category: ticket.category,
    status: ticket.status,
    createdAt: ticket.createdAt,
    messages: [opening, ...messages.map((m) => ({ id: m.id, author: m.author, body: m.body, createdAt: Number(m.created_at), attachments: shotsOf(m.id) }))],
  };
}
