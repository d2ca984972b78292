import "server-only";
import type { Kysely } from "kysely";
import type { Database, User } from "@/lib/db/schema";
import type { CounterStore } from "@/lib/server/counters";
import { verifyOneTimeCode } from "@/lib/server/one-time-codes/verify-one-time-code";
import { Refusal } from "@/lib/server/refusal";
import type { RequestContext } from "@/lib/server/request-context";
import { findTwoStepMethods, hasTwoStep } from "@/lib/server/two-step/find-two-step-methods";
import { offersMethod } from "@/lib/server/two-step/offers-method";
import { normalizeTotpCode } from "@/lib/server/two-step/totp-policy";
import { verifySecondFactor } from "@/lib/server/two-step/verify-second-factor";
import type { UnfreezeMethod } from "@/lib/validation/freeze";
import { unfreezeChannel } from "./unfreeze-channel";

type FactorAttempt = { db: Kysely<Database>; store: CounterStore; user: User; method: UnfreezeMethod; code: string; context: RequestContext; now: number };

/**
 * The unfreeze's second proof: with two-step on, a second factor the account turned on (app, SMS or backup code);
 * with it off, the code sent to the chosen registered channel. Any other answer is simply wrong.
 */
export async function proveUnfreezeFactor({ db, store, user, method, code, context, now }: FactorAttempt): Promise<boolean> {
  const methods = await findTwoStepMethods(db, user.id);
  if (hasTwoStep(methods)) {
    if (method === "email" || method === "mobile" || !offersMethod(methods, method)) return false;
    return verifySecondFactor({ db, store, user, method, code, purpose: "second_factor", context, now });
  }
  const identifier = unfreezeChannel(user, method);
  if (!identifier) return false;
  try {
    const proved = await verifyOneTimeCode({ db, store, identifier, code: normalizeTotpCode(code) ?? "", context, purpose: "unfreeze", now });
    return proved.userId === user.id;
  } catch (error) {
    if (error instanceof Refusal && (error.code === "code_incorrect" || error.code === "code_invalid")) return false;
    throw error;
  }
}
