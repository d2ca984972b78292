import "server-only";
import type { Transaction } from "kysely";
import type { Database, User } from "@/lib/db/schema";
import { describeDevice, maskIp } from "@/lib/describe-device";
import { getConfig } from "@/lib/config";
import { enqueueEmail } from "@/lib/mail/enqueue-email";
import { formatWalletTime } from "@/lib/format-wallet-time";
import { notificationTranslator } from "@/lib/server/notify/translator";
import type { RequestContext } from "@/lib/server/request-context";
import { enqueueSms } from "@/lib/sms/enqueue-sms";

type Confirmation = { user: Pick<User, "id" | "email" | "mobile" | "locale">; how: "reset" | "change" | "hold"; context: RequestContext; now: number };

/** "Your password was changed — if this wasn't you…", to every registered channel, inside the change's transaction. */
export async function sendPasswordChanged(trx: Transaction<Database>, { user, how, context, now }: Confirmation): Promise<void> {
  const { locale, t } = notificationTranslator(user.locale);
  const device = describeDevice(context.userAgent);
  const values = {
    time: formatWalletTime(now, locale),
    ip: maskIp(context.ip) ?? t("unknown"),
    device: device ? `${device.browser} · ${device.os}` : t("unknown"),
    how: t(`passwordChanged.how.${how}`),
    helpUrl: `${getConfig().APP_URL}/forgot-password`,
    statusUrl: `${getConfig().APP_URL}/account-status`,
    supportUrl: `${getConfig().APP_URL}/support`,
  };
  if (user.email) {
    await enqueueEmail(trx, { to: user.email, subject: t("passwordChanged.subject"), text: t("passwordChanged.email", values), kind: "password_changed", userId: user.id, now });
  }
  if (user.mobile) {
    await enqueueSms(trx, { to: user.mobile, text: t("passwordChanged.sms", values), kind: "password_changed", userId: user.id, now });
  }
}
