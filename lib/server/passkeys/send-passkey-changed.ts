import "server-only";
import type { Transaction } from "kysely";
import type { Database, User } from "@/lib/db/schema";
import { getConfig } from "@/lib/config";
import { describeDevice, maskIp } from "@/lib/describe-device";
import { formatWalletTime } from "@/lib/format-wallet-time";
import { enqueueEmail } from "@/lib/mail/enqueue-email";
import { notificationTranslator } from "@/lib/server/notify/translator";
import type { RequestContext } from "@/lib/server/request-context";
import { enqueueSms } from "@/lib/sms/enqueue-sms";

type Notice = {
  user: Pick<User, "id" | "email" | "mobile" | "locale">;
  change: "added" | "removed";
  name: string;
  context: RequestContext;
  now: number;
};

/** "A passkey was added to / removed from your account — if this wasn't you…", to every registered channel. */
export async function sendPasskeyChanged(trx: Transaction<Database>, { user, change, name, context, now }: Notice): Promise<void> {
  const { locale, t } = notificationTranslator(user.locale);
  const device = describeDevice(context.userAgent);
  const appUrl = getConfig().APP_URL;
  const values = {
    name,
    time: formatWalletTime(now, locale),
    ip: maskIp(context.ip) ?? t("unknown"),
    device: device ? `${device.browser} · ${device.os}` : t("unknown"),
    securityUrl: `${appUrl}/account/security`,
    resetUrl: `${appUrl}/forgot-password`,
    supportUrl: `${appUrl}/support`,
  };
  const kind = `passkey_${change}`;
  if (user.email) {
    await enqueueEmail(trx, { to: user.email, subject: t(`passkeyChanged.${change}.subject`), text: t(`passkeyChanged.${change}.email`, values), kind, userId: user.id, now });
  }
  if (user.mobile) {
    await enqueueSms(trx, { to: user.mobile, text: t(`passkeyChanged.${change}.sms`, values), kind, userId: user.id, now });
  }
}
