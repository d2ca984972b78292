import "server-only";
import { getConfig } from "@/lib/config";
import { getDb } from "@/lib/db";
import { verifyPassword } from "@/lib/password/argon2";
import { recordSecurityEvent } from "@/lib/server/audit/record-security-event";
import { getCounterStore } from "@/lib/server/counters";
import { clearAccountFailures } from "@/lib/server/lockout/clear-account-failures";
import { Refusal } from "@/lib/server/refusal";
import { contextFromHeaders, type RequestContext } from "@/lib/server/request-context";
import { grantStatusTicket } from "@/lib/server/status/grant-status-ticket";
import { signInSchema } from "@/lib/validation/auth";
import { enterSignInGate } from "./enter-sign-in-gate";
import { refuseFailedSignIn } from "./refuse-failed-sign-in";

export type AuthorizedUser = { id: string; remember: boolean; context: RequestContext };

/**
 * The sign-in rules, behind Auth.js's Credentials provider so that the form and a direct POST to
 * /api/auth/callback/credentials are held alike. The gate refuses or reserves the attempt before any hash;
 * an unknown identifier costs one hash, like a wrong password.
 */
export async function authorizeCredentials(credentials: Partial<Record<string, unknown>>, request: Request): Promise<AuthorizedUser> {
  const parsed = signInSchema.safeParse(credentials);
  if (!parsed.success) throw new Refusal("invalid_input");
  const { identifier, password, remember } = parsed.data;
  const context = contextFromHeaders(request.headers);
  const [db, store, config, now] = [await getDb(), await getCounterStore(), getConfig(), Date.now()];
  const { user, identifierHash, admission } = await enterSignInGate({ db, store, config, identifier, context, now, reserve: true });
  const passwordOk = await verifyPassword(user?.password_hash, password);
  if (!user || !passwordOk) return refuseFailedSignIn({ db, user, identifierHash, pausedUntil: admission?.pausedUntil ?? null, context, now });
  await Promise.all([admission?.release(), clearAccountFailures(store, user)]);
  const audit = { userId: user.id, identifierHash, context, now };
  if (user.status === "frozen" || user.status === "self_frozen") {
    // Full authentication proved ownership: the status view may show why, but the account stays shut.
    await recordSecurityEvent(db, { type: "sign_in_refused_status", ...audit, detail: { status: user.status } });
    await grantStatusTicket(user.id, now);
    throw new Refusal("account_frozen");
  }
  if (user.status !== "active") {
    await recordSecurityEvent(db, { type: "sign_in_refused_status", ...audit, detail: { status: user.status } });
    throw new Refusal("account_unavailable");
  }
  await recordSecurityEvent(db, { type: "sign_in_succeeded", ...audit });
  return { id: user.id, remember, context };
}
