import "server-only";
import type { Transaction } from "kysely";
import type { Database, User } from "@/lib/db/schema";
import { sendSecurityAlert } from "@/lib/server/alerts/send-security-alert";
import type { RequestContext } from "@/lib/server/request-context";

type Notice = {
  user: Pick<User, "id" | "email" | "mobile" | "locale">;
  change: "added" | "removed";
  name: string;
  context: RequestContext;
  now: number;
};

/** "A passkey was added to / removed from your account — if this wasn't you…", to every registered channel. */
export function sendPasskeyChanged(trx: Transaction<Database>, { user, change, name, context, now }: Notice): Promise<void> {
  return sendSecurityAlert(trx, { user, alert: change === "added" ? "passkey_added" : "passkey_removed", context, now, values: () => ({ name }) });
}
