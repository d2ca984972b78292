import "server-only";
import type { Kysely } from "kysely";
import type { Database, SupportTicketCategory, SupportTicketStatus } from "@/lib/db/schema";

export const TICKET_QUEUE_CAP = 100;

export type QueuedTicket = { reference: string; category: SupportTicketCategory; status: SupportTicketStatus; createdAt: number; lastMessageAt: number };

/** Open and answered tickets, the one waiting longest first (every message moves updated_at); capped, the page says so. */
export async function listTicketQueue(db: Kysely<Database>): Promise<QueuedTicket[]> {
  const rows = await db
    .selectFrom("support_tickets")
    .select(["reference", "category", "status", "created_at", "updated_at"])
    .where("status", "in", ["open", "answered"])
    .orderBy("updated_at")
    .orderBy("id")
    .limit(TICKET_QUEUE_CAP)
    .execute();
  return rows.map((r) => ({ reference: r.reference, category: r.category, status: r.status, createdAt: Number(r.created_at), lastMessageAt: Number(r.updated_at) }));
}
