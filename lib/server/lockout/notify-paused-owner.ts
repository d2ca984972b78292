import "server-only";
import type { Transaction } from "kysely";
import { getConfig } from "@/lib/config";
import type { Database, User } from "@/lib/db/schema";
import { describeDevice, maskIp } from "@/lib/describe-device";
import { enqueueEmail } from "@/lib/mail/enqueue-email";
import { enqueueSms } from "@/lib/sms/enqueue-sms";
import { formatNoticeTime, notificationTranslator } from "@/lib/server/notify/translator";
import type { RequestContext } from "@/lib/server/request-context";
import { issueUnlockToken } from "./issue-unlock-token";

type Notice = { user: User; pausedUntil: number; context: RequestContext; now: number };

/**
 * Tells the owner that sign-in was paused: when, from where, on what device, with an "it was me — unlock"
 * link and a reset link. Written to the outbox inside the caller's transaction.
 */
export async function notifyPausedOwner(trx: Transaction<Database>, { user, pausedUntil, context, now }: Notice): Promise<void> {
  const { APP_URL } = getConfig();
  const token = await issueUnlockToken(trx, user.id, now);
  const { locale, t } = notificationTranslator(user.locale);
  const device = describeDevice(context.userAgent);
  const values = {
    time: formatNoticeTime(locale, now),
    until: formatNoticeTime(locale, pausedUntil),
    ip: maskIp(context.ip) ?? t("unknown"),
    device: device ? `${device.browser} · ${device.os}` : t("unknown"),
    unlockUrl: `${APP_URL}/unlock?token=${token}`,
    resetUrl: `${APP_URL}/forgot-password`,
    statusUrl: `${APP_URL}/account-status`,
  };
  if (user.email) {
    await enqueueEmail(trx, { to: user.email, subject: t("paused.subject"), text: t("paused.email", values), kind: "lockout_notice", userId: user.id, now });
  }
  if (user.mobile) {
    await enqueueSms(trx, { to: user.mobile, text: t("paused.sms", values), kind: "lockout_notice", userId: user.id, now });
  }
}
