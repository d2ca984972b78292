import "server-only";
import type { Kysely } from "kysely";
import type { Database, TransactionKind } from "@/lib/db/schema";
import { withConversation, type OwnTicket } from "@/lib/server/support/find-own-ticket";

export type AgentTicket = OwnTicket & {
  /** The account the case belongs to, if any (a visitor's proven contact may match none). */
  userId: string | null;
  transaction: { kind: TransactionKind; amountCents: number; currency: string; counterparty: string; occurredAt: number } | null;
};

/** Any ticket by its reference, for the console: the conversation, its account and a reported transaction. */
export async function findTicketForAgent(db: Kysely<Database>, reference: string): Promise<AgentTicket | null> {
  const ticket = await db
    .selectFrom("support_tickets")
    .leftJoin("transactions", (join) => join.onRef("transactions.id", "=", "support_tickets.transaction_id").onRef("transactions.user_id", "=", "support_tickets.user_id"))
    .select(["support_tickets.id", "support_tickets.reference", "support_tickets.category", "support_tickets.status", "support_tickets.body", "support_tickets.created_at", "support_tickets.user_id"])
    .select(["transactions.kind", "transactions.amount_cents", "transactions.currency", "transactions.counterparty", "transactions.occurred_at"])
    .where("support_tickets.reference", "=", reference)
    .executeTakeFirst();
  if (!ticket) return null;
  const conversation = await withConversation(db, { ...ticket, createdAt: Number(ticket.created_at) });
  const transaction = ticket.kind
    ? { kind: ticket.kind, amountCents: Number(ticket.amount_cents), currency: ticket.currency!, counterparty: ticket.counterparty!, occurredAt: Number(ticket.occurred_at) }
    : null;
  return { ...conversation, userId: ticket.user_id, transaction };
}
