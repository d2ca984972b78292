import "server-only";
import type { Kysely } from "kysely";
import type { Database } from "@/lib/db/schema";
import { recordSecurityEvent } from "@/lib/server/audit/record-security-event";
import { Refusal } from "@/lib/server/refusal";
import type { RequestContext } from "@/lib/server/request-context";
import { findAgentTicketTarget } from "./find-agent-ticket-target";

type CloseInput = { db: Kysely<Database>; agentId: string; reference: string; reason: string; context: RequestContext; now?: number };

/** Closes a ticket with a reason; the status guard in the UPDATE lets only one of two parallel closes win. */
export async function closeTicketByAgent({ db, agentId, reference, reason, context, now = Date.now() }: CloseInput): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const ticket = await findAgentTicketTarget(trx, { agentId, reference });
    const closed = await trx.updateTable("support_tickets").set({ status: "closed", updated_at: now }).where("id", "=", ticket.id).where("status", "!=", "closed").executeTakeFirst();
    if (Number(closed.numUpdatedRows) === 0) throw new Refusal("ticket_not_found");
    await recordSecurityEvent(trx, { type: "ticket_closed", userId: ticket.userId, context, detail: { actor: agentId, reference, reason }, now });
  });
}
