import "server-only";
import type { Kysely } from "kysely";
import type { Config } from "@/lib/config";
import type { Database, Session, User } from "@/lib/db/schema";
import { hashIdentifier } from "@/lib/server/audit/hash-identifier";
import { recordSecurityEvent } from "@/lib/server/audit/record-security-event";
import { enterAccountGate } from "@/lib/server/auth/enter-account-gate";
import { refuseFailedSignIn } from "@/lib/server/auth/refuse-failed-sign-in";
import type { CounterStore } from "@/lib/server/counters";
import { clearAccountFailures } from "@/lib/server/lockout/clear-account-failures";
import { Refusal } from "@/lib/server/refusal";
import type { RequestContext } from "@/lib/server/request-context";
import { findTwoStepMethods } from "@/lib/server/two-step/find-two-step-methods";
import { verifySecondFactor, type SecondFactorMethod } from "@/lib/server/two-step/verify-second-factor";
import { chooseResetFactors, type ResetFactor } from "./choose-reset-factors";

const FACTOR_OF: Record<SecondFactorMethod, ResetFactor> = { totp: "totp", backup: "backup_code", passkey: "passkey", sms: "sms" };

type Proof = {
  db: Kysely<Database>;
  store: CounterStore;
  config: Pick<Config, "IP_AUTH_POST_PER_MINUTE" | "IP_FAILED_SIGNIN_LIMIT">;
  user: User;
  /** The reset-only session being completed. */
  session: Session;
  method: SecondFactorMethod;
  code?: string;
  response?: string;
  context: RequestContext;
  now?: number;
};

/**
 * A reset of an account with two-step verification also needs a second factor of another kind than the link or code
 * that opened it. It is checked like a sign-in's second step (a wrong one counts towards the pause) and, when right,
 * recorded on the reset session, which may then set the new password.
 */
export async function proveResetSecondFactor({ db, store, config, user, session, method, code, response, context, now = Date.now() }: Proof): Promise<void> {
  const rule = chooseResetFactors(await findTwoStepMethods(db, user.id), session.reset_via);
  if (!rule.required) return;
  if (!rule.factors.includes(FACTOR_OF[method])) throw new Refusal("invalid_input");
  const identifierHash = hashIdentifier(user.email ?? user.mobile ?? user.id);
  const admission = await enterAccountGate({ db, store, config, user, identifierHash, context, now });
  if (!(await verifySecondFactor({ db, store, user, method, code, response, purpose: "reset", context, now }))) {
    return refuseFailedSignIn({ db, user, identifierHash, pausedUntil: admission?.pausedUntil ?? null, context, now });
  }
  await Promise.all([admission?.release(), clearAccountFailures(store, user)]);
  await db.updateTable("sessions").set({ second_factor_at: now }).where("id", "=", session.id).where("purpose", "=", "reset").execute();
  await recordSecurityEvent(db, { type: "reset_second_factor_given", userId: user.id, identifierHash, context, detail: { method }, now });
}
