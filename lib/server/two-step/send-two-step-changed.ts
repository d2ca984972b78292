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

export type TwoStepChange = "app_on" | "app_off" | "sms_on" | "sms_off" | "backup_codes";

type Notice = { user: Pick<User, "id" | "email" | "mobile" | "locale">; change: TwoStepChange; context: RequestContext; now: number };

/** "Two-step verification changed — if this wasn't you…", to every registered channel, inside the change's transaction. */
export async function sendTwoStepChanged(trx: Transaction<Database>, { user, change, context, now }: Notice): Promise<void> {
  const { locale, t } = notificationTranslator(user.locale);
  const device = describeDevice(context.userAgent);
  const appUrl = getConfig().APP_URL;
  const values = {
    what: t(`twoStepChanged.what.${change}`),
    time: formatWalletTime(now, locale),
    ip: maskIp(context.ip) ?? t("unknown"),
    device: device ? `${device.browser} · ${device.os}` : t("unknown"),
    helpUrl: `${appUrl}/forgot-password`,
    statusUrl: `${appUrl}/account-status`,
    supportUrl: `${appUrl}/support`,
  };
  const kind = "two_step_changed";
  if (user.email) {
    await enqueueEmail(trx, { to: user.email, subject: t("twoStepChanged.subject"), text: t("twoStepChanged.email", values), kind, userId: user.id, now });
  }
  if (user.mobile) {
    await enqueueSms(trx, { to: user.mobile, text: t("twoStepChanged.sms", values), kind, userId: user.id, now });
  }
}
