import "server-only";
import { getConfig } from "@/lib/config";
import { getDb } from "@/lib/db";
import { verifyPassword } from "@/lib/password/argon2";
import { hashIdentifier } from "@/lib/server/audit/hash-identifier";
import { recordSecurityEvent } from "@/lib/server/audit/record-security-event";
import { getCounterStore } from "@/lib/server/counters";
import { checkAuthPostRate } from "@/lib/server/lockout/check-auth-post-rate";
import { checkSignInAllowed } from "@/lib/server/lockout/check-sign-in-allowed";
import { clearAccountFailures } from "@/lib/server/lockout/clear-account-failures";
import { contextFromHeaders, type RequestContext } from "@/lib/server/request-context";
import { grantStatusTicket } from "@/lib/server/status/status-ticket";
import { findUserByIdentifier } from "@/lib/server/users/find-user-by-identifier";
import { signInSchema } from "@/lib/validation/auth";
import { refuseFailedSignIn } from "./refuse-failed-sign-in";
import { SignInRefused } from "./sign-in-errors";

export type AuthorizedUser = { id: string; remember: boolean; context: RequestContext };

/**
 * The sign-in rules, behind Auth.js's Credentials provider so that the form and a direct POST to
 * /api/auth/callback/credentials are held alike. Throttles and pauses are decided before any hash;
 * an unknown identifier costs one hash, like a wrong password.
 */
export async function authorizeCredentials(credentials: Partial<Record<string, unknown>>, request: Request): Promise<AuthorizedUser> {
  const parsed = signInSchema.safeParse(credentials);
  if (!parsed.success) throw new SignInRefused("invalid_input");
  const { identifier, password, remember } = parsed.data;
  const context = contextFromHeaders(request.headers);
  const [db, store, config, now] = [await getDb(), await getCounterStore(), getConfig(), Date.now()];
  const identifierHash = hashIdentifier(identifier.value);
  const audit = { identifierHash, context };

  const rate = await checkAuthPostRate(store, context.ip, config.IP_AUTH_POST_PER_MINUTE, now);
  if (rate.limited) {
    await recordSecurityEvent(db, { type: "sign_in_rate_limited", ...audit });
    throw new SignInRefused("rate_limited", rate.retryAt);
  }
  const gate = await checkSignInAllowed(store, identifierHash, context.ip, now);
  if (!gate.allowed) {
    await recordSecurityEvent(db, { type: gate.reason === "paused" ? "sign_in_refused_paused" : "sign_in_refused_throttled", ...audit });
    throw new SignInRefused(gate.reason === "paused" ? "sign_in_paused" : "ip_throttled", gate.until);
  }

  const user = await findUserByIdentifier(db, identifier);
  const passwordOk = await verifyPassword(user?.password_hash, password);
  if (!user || !passwordOk) return refuseFailedSignIn({ db, store, user, identifierHash, context, ipLimit: config.IP_FAILED_SIGNIN_LIMIT, now });

  await clearAccountFailures(store, user);
  if (user.status === "frozen" || user.status === "self_frozen") {
    // Full authentication proved ownership: the status view may show why, but the account stays shut.
    await recordSecurityEvent(db, { type: "sign_in_refused_status", userId: user.id, ...audit, detail: { status: user.status } });
    await grantStatusTicket(user.id, now);
    throw new SignInRefused("account_frozen");
  }
  if (user.status !== "active") {
    await recordSecurityEvent(db, { type: "sign_in_refused_status", userId: user.id, ...audit, detail: { status: user.status } });
    throw new SignInRefused("account_unavailable");
  }
  await recordSecurityEvent(db, { type: "sign_in_succeeded", userId: user.id, ...audit });
  return { id: user.id, remember, context };
}
