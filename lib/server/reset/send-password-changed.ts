import "server-only";
import type { Transaction } from "kysely";
import type { Database, User } from "@/lib/db/schema";
import { sendSecurityAlert } from "@/lib/server/alerts/send-security-alert";
import type { RequestContext } from "@/lib/server/request-context";

type Confirmation = { user: Pick<User, "id" | "email" | "mobile" | "locale">; how: "reset" | "change" | "hold"; context: RequestContext; now: number };

/** "Your password was changed — if this wasn't you…", to every registered channel, inside the change's transaction. */
export function sendPasswordChanged(trx: Transaction<Database>, { user, how, context, now }: Confirmation): Promise<void> {
  return sendSecurityAlert(trx, { user, alert: "password_changed", context, now, values: (t) => ({ how: t(`passwordChanged.how.${how}`) }) });
}
