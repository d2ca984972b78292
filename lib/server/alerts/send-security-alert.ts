import "server-only";
import type { Transaction } from "kysely";
import { getConfig } from "@/lib/config";
import type { Database, User } from "@/lib/db/schema";
import { describeDevice, maskIp } from "@/lib/describe-device";
import { formatWalletTime } from "@/lib/format-wallet-time";
import { enqueueEmail } from "@/lib/mail/enqueue-email";
import { secretSlot } from "@/lib/outbox/secret-slot";
import { notificationTranslator } from "@/lib/server/notify/translator";
import type { RequestContext } from "@/lib/server/request-context";
import { enqueueSms } from "@/lib/sms/enqueue-sms";
import { issueNotMeToken } from "./not-me-tokens";

/**
 * Every security alert an account's owner gets, named by its texts under `notices.<messageKey>` (subject, email,
 * sms): a sign-in from a new device, a changed password, two-step method or passkey, a freeze or unfreeze.
 */
export const SECURITY_ALERTS = {
  new_device: "newDevice",
  password_changed: "passwordChanged",
  two_step_changed: "twoStepChanged",
  passkey_added: "passkeyChanged.added",
  passkey_removed: "passkeyChanged.removed",
  account_frozen: "accountFrozen",
  account_unfrozen: "accountUnfrozen",
} as const;

export type SecurityAlert = keyof typeof SECURITY_ALERTS;

type AlertInput = {
  user: Pick<User, "id" | "email" | "mobile" | "locale">;
  alert: SecurityAlert;
  /** Where and how it happened (the request that caused it); unknown parts are worded as such. */
  context: RequestContext;
  /** The alert's own values, besides the common ones (time, ip, device and the links). */
  values?: (t: ReturnType<typeof notificationTranslator>["t"]) => Record<string, string>;
  now: number;
};

/**
 * Sends an alert to every registered channel, in the account's language, inside the caller's transaction (so the
 * alert exists exactly when the change does). Each carries a single-use "this was not me" link (`{notMeUrl}`) that
 * freezes the account and starts a password reset; the link rests only sealed in the outbox, and hashed.
 */
export async function sendSecurityAlert(trx: Transaction<Database>, { user, alert, context, values, now }: AlertInput): Promise<void> {
  if (!user.email && !user.mobile) return;
  const { APP_URL } = getConfig();
  const { locale, t } = notificationTranslator(user.locale);
  const token = await issueNotMeToken(trx, { userId: user.id, alert, now });
  const device = describeDevice(context.userAgent);
  const all = {
    time: formatWalletTime(now, locale),
    ip: maskIp(context.ip) ?? t("unknown"),
    device: device ? `${device.browser} · ${device.os}` : t("unknown"),
    notMeUrl: secretSlot("notMeUrl"),
    resetUrl: `${APP_URL}/forgot-password`,
    statusUrl: `${APP_URL}/account-status`,
    securityUrl: `${APP_URL}/account/security`,
    supportUrl: `${APP_URL}/support`,
    ...values?.(t),
  };
  const secrets = { notMeUrl: `${APP_URL}/not-me?token=${token}` };
  const key = SECURITY_ALERTS[alert];
  if (user.email) {
    await enqueueEmail(trx, { to: user.email, subject: t(`${key}.subject`), text: t(`${key}.email`, all), secrets, kind: alert, userId: user.id, now });
  }
  if (user.mobile) {
    await enqueueSms(trx, { to: user.mobile, text: t(`${key}.sms`, all), secrets, kind: alert, userId: user.id, now });
  }
}
