import "server-only";
import type { Kysely } from "kysely";
import type { Config } from "@/lib/config";
import type { Database, User } from "@/lib/db/schema";
import { verifyPassword } from "@/lib/password/argon2";
import { sendSecurityAlert } from "@/lib/server/alerts/send-security-alert";
import { hashIdentifier } from "@/lib/server/audit/hash-identifier";
import { recordSecurityEvent } from "@/lib/server/audit/record-security-event";
import { enterAccountGate } from "@/lib/server/auth/enter-account-gate";
import { refuseFailedSignIn } from "@/lib/server/auth/refuse-failed-sign-in";
import type { CounterStore } from "@/lib/server/counters";
import { clearAccountFailures } from "@/lib/server/lockout/clear-account-failures";
import { Refusal } from "@/lib/server/refusal";
import type { RequestContext } from "@/lib/server/request-context";
import type { UnfreezeMethod } from "@/lib/validation/freeze";
import { proveUnfreezeFactor } from "./prove-unfreeze-factor";

export type UnfreezeSelf = {
  db: Kysely<Database>;
  store: CounterStore;
  config: Pick<Config, "IP_AUTH_POST_PER_MINUTE" | "IP_FAILED_SIGNIN_LIMIT">;
  userId: string;
  password: string;
  /** The second factor (two-step on) or the channel whose code was sent (two-step off), and the code typed. */
  secondFactor: { method: UnfreezeMethod; code: string };
  context: RequestContext;
  now?: number;
};

/** A self-freeze, or the account's current state when it is something else (the caller's own check came first). */
async function findSelfFrozen(db: Kysely<Database>, userId: string): Promise<User> {
  const user = await db.selectFrom("users").selectAll().where("id", "=", userId).executeTakeFirst();
  if (user?.status === "frozen") throw new Refusal("unfreeze_needs_agent");
  if (user?.status !== "self_frozen") throw new Refusal("not_self_frozen");
  return user;
}

/**
 * The owner lifts their own freeze with the password and a second proof. Wrong answers are failed sign-ins: each is
 * reserved on the account's pause count before any hash, so a burst gets at most the remaining allowance, and one
 * generic refusal ("unfreeze_refused") covers a wrong password and a wrong code. A support freeze needs an agent.
 */
export async function unfreezeSelf({ db, store, config, userId, password, secondFactor, context, now = Date.now() }: UnfreezeSelf): Promise<void> {
  const user = await findSelfFrozen(db, userId);
  const identifierHash = hashIdentifier(user.email ?? user.mobile ?? user.id);
  const admission = await enterAccountGate({ db, store, config, user, identifierHash, context, now });
  // The factor is checked only after a right password, so a wrong password never spends a backup code.
  const right = (await verifyPassword(user.password_hash, password)) && (await proveUnfreezeFactor({ db, store, user, ...secondFactor, context, now }));
  if (!right) {
    const failure = { event: "unfreeze_failed", refusal: "unfreeze_refused" } as const;
    return refuseFailedSignIn({ db, user, identifierHash, pausedUntil: admission?.pausedUntil ?? null, context, now, failure });
  }
  await Promise.all([admission?.release(), clearAccountFailures(store, user)]);
  const lifted = await db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable("users")
      .set({ status: "active", frozen_reason: null, frozen_case_ref: null, frozen_at: null, updated_at: now })
      .where("id", "=", user.id)
      .where("status", "=", "self_frozen")
      .returning("id")
      .executeTakeFirst();
    if (!row) return false;
    // The freeze's reason and case stay in the audit trail once the user row forgets them.
    const detail = { via: secondFactor.method, reason: user.frozen_reason ?? "", caseRef: user.frozen_case_ref ?? "", frozenAt: Number(user.frozen_at ?? 0) };
    await recordSecurityEvent(trx, { type: "account_unfrozen", userId: user.id, context, detail, now });
    await sendSecurityAlert(trx, { user, alert: "account_unfrozen", context, now });
    return true;
  });
  if (!lifted) throw new Refusal("not_self_frozen");
}
