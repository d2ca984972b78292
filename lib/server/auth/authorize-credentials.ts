import "server-only";
import type { Kysely } from "kysely";
import { getConfig } from "@/lib/config";
import { getDb } from "@/lib/db";
import type { Database, User } from "@/lib/db/schema";
import { verifyPassword } from "@/lib/password/argon2";
import { recordSecurityEvent } from "@/lib/server/audit/record-security-event";
import { getCounterStore } from "@/lib/server/counters";
import { clearAccountFailures } from "@/lib/server/lockout/clear-account-failures";
import { Refusal } from "@/lib/server/refusal";
import type { CookieJar } from "@/lib/server/http/cookie-jar";
import { contextFromHeaders } from "@/lib/server/request-context";
import { hasTwoStepOn } from "@/lib/server/two-step/has-two-step-on";
import { isBrowserTrusted } from "@/lib/server/two-step/is-browser-trusted";
import { trustedBrowserToken } from "@/lib/server/two-step/trusted-browser-cookie";
import { signInSchema } from "@/lib/validation/auth";
import { admitVerifiedUser, type AuthorizedUser } from "./admit-verified-user";
import { enterSignInGate } from "./enter-sign-in-gate";
import { refuseFailedSignIn } from "./refuse-failed-sign-in";

/**
 * The sign-in rules, behind Auth.js's Credentials provider so that the form and a direct POST to
 * /api/auth/callback/credentials are held alike. The gate refuses or reserves the attempt before any hash;
 * an unknown identifier costs one hash, like a wrong password. With two-step verification on (and this browser not
 * trusted), a right password only opens the second step.
 */
export async function authorizeCredentials(credentials: Partial<Record<string, unknown>>, request: Pick<Request, "headers">, cookies?: CookieJar): Promise<AuthorizedUser> {
  const parsed = signInSchema.safeParse(credentials);
  if (!parsed.success) throw new Refusal("invalid_input");
  const { identifier, password, remember } = parsed.data;
  const context = contextFromHeaders(request.headers);
  const [db, store, config, now] = [await getDb(), await getCounterStore(), getConfig(), Date.now()];
  const { user, identifierHash, admission } = await enterSignInGate({ db, store, config, identifier, context, now, reserve: true });
  const passwordOk = await verifyPassword(user?.password_hash, password);
  if (!user || !passwordOk) return refuseFailedSignIn({ db, user, identifierHash, pausedUntil: admission?.pausedUntil ?? null, context, now });
  if (await owesSecondStep(db, user, request, now)) {
    // Neither a failure nor a success yet: earlier failures stay counted until the second step succeeds.
    await admission?.unreserve();
    await recordSecurityEvent(db, { type: "second_step_started", userId: user.id, identifierHash, context, now });
    return { id: user.id, remember, context, stage: "second_factor" };
  }
  await Promise.all([admission?.release(), clearAccountFailures(store, user)]);
  return admitVerifiedUser({ db, user, remember, context, identifierHash, via: "password", now, cookies });
}

/** Two-step verification is on and this browser is not trusted to skip it. */
async function owesSecondStep(db: Kysely<Database>, user: User, request: Pick<Request, "headers">, now: number): Promise<boolean> {
  if (!(await hasTwoStepOn(db, user))) return false;
  return !(await isBrowserTrusted(db, { userId: user.id, token: trustedBrowserToken(request.headers.get("cookie")), now }));
}
