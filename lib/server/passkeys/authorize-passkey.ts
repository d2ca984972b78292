import "server-only";
import type { AuthenticationResponseJSON } from "@simplewebauthn/server";
import { z } from "zod";
import { getDb } from "@/lib/db";
import type { AuthorizedUser } from "@/lib/server/auth/authorize-credentials";
import { recordSecurityEvent } from "@/lib/server/audit/record-security-event";
import { Refusal } from "@/lib/server/refusal";
import { contextFromHeaders } from "@/lib/server/request-context";
import { grantStatusTicket } from "@/lib/server/status/grant-status-ticket";
import { verifyPasskeyAssertion } from "./verify-passkey-assertion";

const passkeyCredentialsSchema = z.object({ response: z.string().min(2).max(32_768) });

/**
 * Passwordless sign-in, behind Auth.js's "passkey" Credentials provider: a passkey with the user verified proves two
 * factors at once, so it opens a full session with no second step. Account states are held as for a password.
 */
export async function authorizePasskey(credentials: Partial<Record<string, unknown>>, request: Request): Promise<AuthorizedUser> {
  const context = contextFromHeaders(request.headers);
  const [db, now] = [await getDb(), Date.now()];
  const parsed = passkeyCredentialsSchema.safeParse(credentials);
  let userId: string;
  try {
    if (!parsed.success) throw new Refusal("passkey_invalid");
    ({ userId } = await verifyPasskeyAssertion(db, { response: parseJson(parsed.data.response), purpose: "sign_in", now }));
  } catch (error) {
    if (error instanceof Refusal) await recordSecurityEvent(db, { type: "sign_in_failed", context, detail: { via: "passkey" }, now });
    throw error;
  }
  const user = await db.selectFrom("users").select(["id", "status"]).where("id", "=", userId).executeTakeFirstOrThrow();
  const audit = { userId: user.id, context, now };
  if (user.status === "frozen" || user.status === "self_frozen") {
    // The passkey proved ownership: the status view may show why, but the account stays shut.
    await recordSecurityEvent(db, { type: "sign_in_refused_status", ...audit, detail: { status: user.status, via: "passkey" } });
    await grantStatusTicket(user.id, now);
    throw new Refusal("account_frozen");
  }
  if (user.status !== "active") {
    await recordSecurityEvent(db, { type: "sign_in_refused_status", ...audit, detail: { status: user.status, via: "passkey" } });
    throw new Refusal("account_unavailable");
  }
  await recordSecurityEvent(db, { type: "sign_in_succeeded", ...audit, detail: { via: "passkey" } });
  return { id: user.id, remember: false, context };
}

function parseJson(text: string): AuthenticationResponseJSON {
  try {
    return JSON.parse(text) as AuthenticationResponseJSON;
  } catch {
    throw new Refusal("passkey_invalid");
  }
}
