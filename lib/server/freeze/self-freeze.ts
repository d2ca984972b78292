import "server-only";
import type { Kysely, Transaction } from "kysely";
import type { Database } from "@/lib/db/schema";
import { freezeAccountWithin } from "@/lib/server/accounts/freeze-account";
import { sendSecurityAlert } from "@/lib/server/alerts/send-security-alert";
import { Refusal } from "@/lib/server/refusal";
import type { RequestContext } from "@/lib/server/request-context";

/** Where the owner asked for the freeze: in the account, on the status view, by a "not me" link, after reporting a transaction. */
export type SelfFreezeWay = "account" | "status" | "not_me" | "report";

/** "already_self_frozen" and "support_frozen" change nothing: a support freeze is never turned into a self-freeze. */
export type SelfFreezeOutcome = "frozen" | "already_self_frozen" | "support_frozen";

export type SelfFreeze = {
  userId: string;
  how: SelfFreezeWay;
  /** The support case of a reported transaction, already checked to be this account's. */
  caseRef?: string | null;
  context: RequestContext;
  now?: number;
};

/** The owner's freeze (挂失): see selfFreezeWithin. */
export async function selfFreeze(db: Kysely<Database>, options: SelfFreeze): Promise<SelfFreezeOutcome> {
  return db.transaction().execute((trx) => selfFreezeWithin(trx, options));
}

/**
 * Freezes an active account at its owner's word, in the caller's transaction: status self_frozen, every session and
 * trusted browser ended, audited, and announced to every channel. Refused ("account_unavailable") for a closed or
 * unknown account.
 */
export async function selfFreezeWithin(trx: Transaction<Database>, { userId, how, caseRef = null, context, now = Date.now() }: SelfFreeze): Promise<SelfFreezeOutcome> {
  const frozen = await freezeAccountWithin(trx, {
    userId,
    status: "self_frozen",
    reason: "owner_request",
    caseRef,
    actorId: userId,
    onlyFrom: "active",
    detail: { how },
    context,
    now,
  });
  const user = await trx.selectFrom("users").select(["id", "email", "mobile", "locale", "status"]).where("id", "=", userId).executeTakeFirst();
  if (!frozen) {
    if (user?.status === "self_frozen") return "already_self_frozen";
    if (user?.status === "frozen") return "support_frozen";
    throw new Refusal("account_unavailable");
  }
  await sendSecurityAlert(trx, { user: user!, alert: "account_frozen", context, values: (t) => ({ how: t(`accountFrozen.how.${how}`) }), now });
  return "frozen";
}
