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

type Announcement = {
  user: Pick<User, "id" | "email" | "mobile" | "locale">;
  /** The single-use "this was not me" token; it travels only as a sealed outbox secret. */
  cancelToken: string;
  effectiveAt: number;
  context: RequestContext;
  now: number;
};

/** "A new password takes effect in 72 hours — not you? stop it", to every registered channel, inside the hold's transaction. */
export async function announceResetHold(trx: Transaction<Database>, { user, cancelToken, effectiveAt, context, now }: Announcement): Promise<void> {
  const { APP_URL } = getConfig();
  const { locale, t } = notificationTranslator(user.locale);
  const device = describeDevice(context.userAgent);
  const values = {
    time: formatWalletTime(now, locale),
    until: formatWalletTime(effectiveAt, locale),
    ip: maskIp(context.ip) ?? t("unknown"),
    device: device ? `${device.browser} · ${device.os}` : t("unknown"),
    cancelUrl: secretSlot("cancelUrl"),
    statusUrl: `${APP_URL}/account-status`,
  };
  const secrets = { cancelUrl: `${APP_URL}/reset-hold?token=${cancelToken}` };
  if (user.email) {
    await enqueueEmail(trx, { to: user.email, subject: t("resetHold.subject"), text: t("resetHold.email", values), secrets, kind: "reset_hold_notice", userId: user.id, now });
  }
  if (user.mobile) {
    await enqueueSms(trx, { to: user.mobile, text: t("resetHold.sms", values), secrets, kind: "reset_hold_notice", userId: user.id, now });
  }
}
