import "server-only";
import type { Kysely } from "kysely";
import { getConfig } from "@/lib/config";
import type { Database } from "@/lib/db/schema";
import { enqueueEmail } from "@/lib/mail/enqueue-email";
import { recordSecurityEvent } from "@/lib/server/audit/record-security-event";
import type { RequestContext } from "@/lib/server/request-context";
import { notificationTranslator } from "@/lib/server/notify/translator";
import { enqueueSms } from "@/lib/sms/enqueue-sms";
import { addMessage } from "./add-message";

type AgentReply = { ticketId: string; agentId: string; body: string; context?: RequestContext; now?: number };

/**
 * An agent's answer: stored, the ticket marked answered, and its owner told by email and SMS in their language,
 * in the same transaction, audited with the agent. The notice only points at the conversation; the answer stays behind sign-in.
 */
export async function replyAsAgent(db: Kysely<Database>, { ticketId, agentId, body, context, now = Date.now() }: AgentReply): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const ticket = await trx
      .selectFrom("support_tickets")
      .leftJoin("users", "users.id", "support_tickets.user_id")
      .select(["support_tickets.id", "support_tickets.reference", "support_tickets.user_id", "support_tickets.contact_email", "support_tickets.contact_mobile", "support_tickets.locale", "users.email", "users.mobile", "users.locale as user_locale"])
      .where("support_tickets.id", "=", ticketId)
      .executeTakeFirstOrThrow();
    await addMessage(trx, { ticketId, author: "agent", authorUserId: agentId, body, status: "answered", now });
    await recordSecurityEvent(trx, { type: "ticket_answered", userId: ticket.user_id, context, detail: { actor: agentId, reference: ticket.reference }, now });
    const { t } = notificationTranslator(ticket.user_locale ?? ticket.locale ?? "");
    const values = { reference: ticket.reference, url: `${getConfig().APP_URL}/support/${ticket.reference}` };
    const email = ticket.email ?? ticket.contact_email;
    const mobile = ticket.mobile ?? ticket.contact_mobile;
    const common = { kind: "support_answered", userId: ticket.user_id, now };
    if (email) await enqueueEmail(trx, { ...common, to: email, subject: t("supportAnswered.subject", values), text: t("supportAnswered.email", values) });
    if (mobile) await enqueueSms(trx, { ...common, to: mobile, text: t("supportAnswered.sms", values) });
  });
}
