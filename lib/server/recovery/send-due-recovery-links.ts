import "server-only";
import type { Kysely } from "kysely";
import { getConfig } from "@/lib/config";
import type { Database } from "@/lib/db/schema";
import { enqueueEmail } from "@/lib/mail/enqueue-email";
import { secretSlot } from "@/lib/outbox/secret-slot";
import { recordSecurityEvent } from "@/lib/server/audit/record-security-event";
import { adapterTime } from "@/lib/server/housekeeping/prune-expired";
import { notificationTranslator } from "@/lib/server/notify/translator";
import { storedTokenHash } from "@/lib/server/reset/find-reset-link";
import { newToken } from "@/lib/server/tokens";
import { RECOVERY_LINK_TTL_S } from "./recovery-policy";
import { enqueueSms } from "@/lib/sms/enqueue-sms";

/**
 * After the 72 h hold of an approved recovery: an email contact gets a one-time reset link (30 min), a mobile one a
 * text pointing at the SMS-code reset. Each request is claimed in one statement, so parallel runs send once.
 */
export async function sendDueRecoveryLinks(db: Kysely<Database>, now = Date.now()): Promise<number> {
  const due = await db.selectFrom("recovery_requests").select("id").where("status", "=", "approved").where("reset_link_sent_at", "is", null).where("reset_link_due_at", "<=", now).execute();
  let sent = 0;
  for (const { id } of due) {
    await db.transaction().execute(async (trx) => {
      const claimed = await trx.updateTable("recovery_requests").set({ reset_link_sent_at: now }).where("id", "=", id).where("reset_link_sent_at", "is", null).returning(["reference", "user_id"]).executeTakeFirst();
      const user = claimed?.user_id ? await trx.selectFrom("users").selectAll().where("id", "=", claimed.user_id).executeTakeFirst() : undefined;
      if (!claimed || !user) return;
      const { t } = notificationTranslator(user.locale);
      const common = { kind: "recovery_link", userId: user.id, now };
      if (user.email) {
        const token = newToken().token;
        await trx.deleteFrom("verification_tokens").where("identifier", "=", user.email).execute();
        await trx.insertInto("verification_tokens").values({ identifier: user.email, token: storedTokenHash(token), expires: adapterTime(db, now + RECOVERY_LINK_TTL_S * 1000) }).execute();
        const url = `${getConfig().APP_URL}/reset-password?${new URLSearchParams({ token, email: user.email })}`;
        const text = t("recoveryLink.email", { reference: claimed.reference, url: secretSlot("url"), minutes: RECOVERY_LINK_TTL_S / 60 });
        await enqueueEmail(trx, { to: user.email, subject: t("recoveryLink.subject"), text, secrets: { url }, ...common });
      } else if (user.mobile) {
        await enqueueSms(trx, { to: user.mobile, text: t("recoveryLink.sms", { reference: claimed.reference, url: `${getConfig().APP_URL}/forgot-password` }), ...common });
      }
      await recordSecurityEvent(trx, { type: "recovery_link_sent", userId: user.id, now, detail: { reference: claimed.reference } });
      sent += 1;
    });
  }
  return sent;
}
