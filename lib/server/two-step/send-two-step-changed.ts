import "server-only";
import type { Transaction } from "kysely";
import type { Database, User } from "@/lib/db/schema";
import { sendSecurityAlert } from "@/lib/server/alerts/send-security-alert";
import type { RequestContext } from "@/lib/server/request-context";

export type TwoStepChange = "app_on" | "app_off" | "sms_on" | "sms_off" | "backup_codes";

type Notice = { user: Pick<User, "id" | "email" | "mobile" | "locale">; change: TwoStepChange; context: RequestContext; now: number };

/** "Two-step verification changed — if this wasn't you…", to every registered channel, inside the change's transaction. */
export function sendTwoStepChanged(trx: Transaction<Database>, { user, change, context, now }: Notice): Promise<void> {
  return sendSecurityAlert(trx, { user, alert: "two_step_changed", context, now, values: (t) => ({ what: t(`twoStepChanged.what.${change}`) }) });
}
