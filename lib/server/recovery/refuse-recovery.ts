import "server-only";
import type { Kysely } from "kysely";
import type { Database } from "@/lib/db/schema";
import { enqueueEmail } from "@/lib/mail/enqueue-email";
import { recordSecurityEvent } from "@/lib/server/audit/record-security-event";
import { notificationTranslator } from "@/lib/server/notify/translator";
import { enqueueSms } from "@/lib/sms/enqueue-sms";
import { claimRecoveryDecision, type RecoveryDecision } from "./claim-recovery-decision";

/**
 * An agent refuses a request: the reason goes to the new contact (in the account's language when one matched),
 * nothing about the account changes. Refusals as claimRecoveryDecision.
 */
export async function refuseRecovery(db: Kysely<Database>, decision: RecoveryDecision): Promise<void> {
  const now = decision.now ?? Date.now();
  await db.transaction().execute(async (trx) => {
    const { request, evidence, user } = await claimRecoveryDecision(trx, decision, { status: "refused", now });
    const { t } = notificationTranslator(user?.locale ?? "zh-CN");
    const values = { reference: request.reference, reason: decision.reason.trim() };
    const common = { kind: "recovery_refused", userId: null, now };
    if (request.contact_kind === "email") await enqueueEmail(trx, { to: evidence.contact, subject: t("recoveryRefused.subject"), text: t("recoveryRefused.email", values), ...common });
    else await enqueueSms(trx, { to: evidence.contact, text: t("recoveryRefused.sms", values), ...common });
    await recordSecurityEvent(trx, { type: "recovery_refused", userId: user?.id, now, detail: { actor: decision.agentId, reference: request.reference, reason: values.reason } });
  });
}
