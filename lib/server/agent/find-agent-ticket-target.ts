import "server-only";
import type { Kysely, Transaction } from "kysely";
import type { Database } from "@/lib/db/schema";
import { Refusal } from "@/lib/server/refusal";

/** A ticket an agent may act on: it exists, is not closed, and is not about the agent's own account. */
export async function findAgentTicketTarget(db: Kysely<Database> | Transaction<Database>, { agentId, reference }: { agentId: string; reference: string }): Promise<{ id: string; userId: string | null }> {
  const ticket = await db.selectFrom("support_tickets").select(["id", "user_id", "status"]).where("reference", "=", reference).executeTakeFirst();
  if (!ticket || ticket.status === "closed") throw new Refusal("ticket_not_found");
  if (ticket.user_id === agentId) throw new Refusal("agent_own_account");
  return { id: ticket.id, userId: ticket.user_id };
}
