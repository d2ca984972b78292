import "server-only";
import type { Transaction } from "kysely";
import { getConfig } from "@/lib/config";
import type { Database, User } from "@/lib/db/schema";
import { describeDevice, maskIp } from "@/lib/describe-device";
import { enqueueEmail } from "@/lib/mail/enqueue-email";
import { secretSlot } from "@/lib/outbox/secret-slot";
import { enqueueSms } from "@/lib/sms/enqueue-sms";
import { formatWalletTime } from "@/lib/format-wallet-time";
import { notificationTranslator } from "@/lib/server/notify/translator";
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
    time: formatWalletTime(now, locale),
    until: formatWalletTime(pausedUntil, locale),
    ip: maskIp(context.ip) ?? t("unknown"),
    device: device ? `${device.browser} · ${device.os}` : t("unknown"),
    unlockUrl: secretSlot("unlockUrl"),
    resetUrl: `${APP_URL}/forgot-password`,
    statusUrl: `${APP_URL}/account-status`,
  };
  const secrets = { unlockUrl: `${APP_URL}/unlock?token=${token}` };
  if (user.email) {
    await enqueueEmail(trx, { to: user.email, subject: t("paused.subject"), text: t("paused.email", values), secrets, kind: "lockout_notice", userId: user.id, now });
  }
  if (user.mobile) {
    await enqueueSms(trx, { to: user.mobile, text: t("paused.sms", values), secrets, kind: "lockout_notice", userId: user.id, now });
  }
}
