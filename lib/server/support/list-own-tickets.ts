import "server-only";
import type { Kysely } from "kysely";
import type { Database, SupportTicketCategory, SupportTicketStatus } from "@/lib/db/schema";
import { ownedBy, type SupportOwner } from "./support-owner";

export type TicketSummary = { reference: string; category: SupportTicketCategory; status: SupportTicketStatus; updatedAt: number };

/** The owner's tickets, newest first (cases from "report as suspicious" included). */
export async function listOwnTickets(db: Kysely<Database>, { owner, limit = 50 }: { owner: SupportOwner; limit?: number }): Promise<TicketSummary[]> {
  const rows = await db
    .selectFrom("support_tickets")
    .select(["reference", "category", "status", "updated_at", "created_at"])
    .where(ownedBy(owner))
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
  return rows.map((r) => ({ reference: r.reference, category: r.category, status: r.status, updatedAt: Number(r.updated_at) }));
}
