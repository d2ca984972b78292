import "server-only";
import { z } from "zod";
import { getConfig } from "@/lib/config";
import { getDb } from "@/lib/db";
import { hashIdentifier } from "@/lib/server/audit/hash-identifier";
import { getCounterStore } from "@/lib/server/counters";
import { clearAccountFailures } from "@/lib/server/lockout/clear-account-failures";
import { Refusal } from "@/lib/server/refusal";
import { contextFromHeaders } from "@/lib/server/request-context";
import { trustBrowser } from "@/lib/server/two-step/trust-browser";
import { findTwoStepMethods } from "@/lib/server/two-step/find-two-step-methods";
import { offersMethod } from "@/lib/server/two-step/offers-method";
import { SECOND_FACTOR_METHODS, verifySecondFactor } from "@/lib/server/two-step/verify-second-factor";
import { admitVerifiedUser, type AuthorizedUser } from "./admit-verified-user";
import { enterAccountGate } from "./enter-account-gate";
import { findSignedIn } from "./find-signed-in";
import { refuseFailedSignIn } from "./refuse-failed-sign-in";

const schema = z.object({
  method: z.enum(SECOND_FACTOR_METHODS),
  code: z.string().max(64).optional(),
  response: z.string().max(20_000).optional(),
  trust: z.unknown().optional().transform((v) => v === "on" || v === "true" || v === "1"),
});

/**
 * The "two-step" Credentials provider: the second factor of the sign-in this browser began with a right password.
 * It passes the same gate as a password (a wrong code is a failed sign-in: it counts towards the account's pause and
 * gets the same generic answer), then spends the second-step session — once, even if two answers race — and signs
 * the account in, trusting this browser for 30 days when asked.
 */
export async function completeSecondStep(credentials: Partial<Record<string, unknown>>, request: Request): Promise<AuthorizedUser> {
  const parsed = schema.safeParse(credentials);
  if (!parsed.success) throw new Refusal("invalid_input");
  const pending = await findSignedIn("second_factor");
  if (!pending) throw new Refusal("second_step_expired");
  const { user, session } = pending;
  const [db, store, config, now] = [await getDb(), await getCounterStore(), getConfig(), Date.now()];
  const context = contextFromHeaders(request.headers);
  const identifierHash = hashIdentifier(user.email ?? user.mobile ?? user.id);
  const admission = await enterAccountGate({ db, store, config, user, identifierHash, context, now });
  const { method, code, response, trust } = parsed.data;
  // Only a factor the owner turned on counts: a texted code is no second step for an account that chose an app.
  const offered = offersMethod(await findTwoStepMethods(db, user.id), method);
  if (!offered || !(await verifySecondFactor({ db, store, user, method, code, response, purpose: "second_factor", context, now }))) {
    return refuseFailedSignIn({ db, user, identifierHash, pausedUntil: admission?.pausedUntil ?? null, context, now });
  }
  const spent = await db.deleteFrom("sessions").where("id", "=", session.id).where("purpose", "=", "second_factor").returning("id").executeTakeFirst();
  if (!spent) throw new Refusal("second_step_expired");
  await Promise.all([admission?.release(), clearAccountFailures(store, user)]);
  const admitted = await admitVerifiedUser({ db, user, remember: session.persistent === 1, context, identifierHash, via: method, now });
  if (trust) await trustBrowser(db, { userId: user.id, context, now });
  return admitted;
}
