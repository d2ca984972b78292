import "server-only";
import type { Kysely, Transaction } from "kysely";
import type { Database, User } from "@/lib/db/schema";
import { formatWalletTime } from "@/lib/format-wallet-time";
import { enqueueEmail } from "@/lib/mail/enqueue-email";
import { recordSecurityEvent } from "@/lib/server/audit/record-security-event";
import { notificationTranslator } from "@/lib/server/notify/translator";
import { Refusal } from "@/lib/server/refusal";
import { RESET_HOLD_MS } from "@/lib/server/reset/reset-hold-policy";
import { endAllSessions } from "@/lib/server/sessions/end-all-sessions";
import { enqueueSms } from "@/lib/sms/enqueue-sms";
import { claimRecoveryDecision, type RecoveryDecision } from "./claim-recovery-decision";

/** Tells the contacts being replaced, so an owner who did not ask has the 72 h hold to call support. */
async function warnOldContacts(trx: Transaction<Database>, user: User, { reference, linkAt, now }: { reference: string; linkAt: number; now: number }) {
  const { locale, t } = notificationTranslator(user.locale);
  const values = { reference, hours: RESET_HOLD_MS / 3_600_000, time: formatWalletTime(linkAt, locale) };
  const common = { kind: "recovery_approved", userId: user.id, now };
  if (user.email) await enqueueEmail(trx, { to: user.email, subject: t("recoveryApproved.subject"), text: t("recoveryApproved.email", values), ...common });
  if (user.mobile) await enqueueSms(trx, { to: user.mobile, text: t("recoveryApproved.sms", values), ...common });
}

/**
 * An agent approves a request, in one transaction: the new contact becomes the account's only one (email and
 * mobile were both lost), the password is cleared so nothing old signs in, every session, trusted browser and
 * second factor ends, a pending reset hold is cancelled, and the old contacts are warned. The reset link goes to
 * the new contact 72 h later (sendDueRecoveryLinks). Refused "invalid_input": no such pending request, no
 * account matched, the agent's own account, no reason, or the new contact belongs to another account.
 */
export async function approveRecovery(db: Kysely<Database>, decision: RecoveryDecision): Promise<{ resetLinkAt: number }> {
  const now = decision.now ?? Date.now();
  const resetLinkAt = now + RESET_HOLD_MS;
  await db.transaction().execute(async (trx) => {
    const { request, evidence, user } = await claimRecoveryDecision(trx, decision, { status: "approved", extra: { reset_link_due_at: resetLinkAt }, now });
    if (!user) throw new Refusal("invalid_input");
    const column = request.contact_kind === "email" ? "email" : "mobile";
    const taken = await trx.selectFrom("users").select("id").where(column, "=", evidence.contact).where("id", "!=", user.id).executeTakeFirst();
    if (taken) throw new Refusal("invalid_input");

    await warnOldContacts(trx, user, { reference: request.reference, linkAt: resetLinkAt, now });
    await trx
      .updateTable("users")
      .set({ email: column === "email" ? evidence.contact : null, mobile: column === "mobile" ? evidence.contact : null, password_hash: null, sms_two_step_at: null, updated_at: now })
      .where("id", "=", user.id)
      .execute();
    for (const table of ["totp_credentials", "backup_codes", "passkeys"] as const) await trx.deleteFrom(table).where("user_id", "=", user.id).execute();
    await trx.updateTable("reset_holds").set({ cancelled_at: now }).where("user_id", "=", user.id).where("applied_at", "is", null).where("cancelled_at", "is", null).execute();
    await endAllSessions(trx, user.id, { reason: "recovered", now });
    await recordSecurityEvent(trx, { type: "recovery_approved", userId: user.id, now, detail: { actor: decision.agentId, reference: request.reference, reason: decision.reason, resetLinkAt } });
  });
  return { resetLinkAt };
}
