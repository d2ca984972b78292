import "server-only";
import type { Kysely } from "kysely";
import type { Database } from "@/lib/db/schema";
import type { RequestContext } from "@/lib/server/request-context";
import { replyAsAgent } from "@/lib/server/support/reply-as-agent";
import { findAgentTicketTarget } from "./find-agent-ticket-target";

type AnswerInput = { db: Kysely<Database>; agentId: string; reference: string; body: string; context: RequestContext; now?: number };

/** An agent answers a ticket from the console; the answer is its own reason, audited by replyAsAgent. */
export async function answerTicketByAgent({ db, agentId, reference, body, context, now = Date.now() }: AnswerInput): Promise<void> {
  const ticket = await findAgentTicketTarget(db, { agentId, reference });
  await replyAsAgent(db, { ticketId: ticket.id, agentId, body, context, now });
}
