"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/lib/db";
import { defineFormAction } from "@/lib/server/actions/define-form-action";
import { answerTicketByAgent } from "@/lib/server/agent/answer-ticket-by-agent";
import { closeTicketByAgent } from "@/lib/server/agent/close-ticket-by-agent";
import { getRequestContext } from "@/lib/server/request-context";
import { agentTicketCloseSchema, agentTicketReplySchema } from "@/lib/validation/agent";

/** An agent's answer to a ticket; the owner is told by email and SMS. */
export const agentReplyTicketAction = defineFormAction({ session: "full", role: "agent", echo: ["body"], schema: agentTicketReplySchema }, async ({ reference, body }, { signedIn }) => {
  await answerTicketByAgent({ db: await getDb(), agentId: signedIn.user.id, reference, body, context: await getRequestContext() });
  revalidatePath(`/admin/tickets/${reference}`);
});

/** Closes a ticket, with the reason kept in the audit log. */
export const agentCloseTicketAction = defineFormAction({ session: "full", role: "agent", echo: ["reason"], schema: agentTicketCloseSchema }, async ({ reference, reason }, { signedIn }) => {
  await closeTicketByAgent({ db: await getDb(), agentId: signedIn.user.id, reference, reason, context: await getRequestContext() });
  revalidatePath(`/admin/tickets/${reference}`);
});
