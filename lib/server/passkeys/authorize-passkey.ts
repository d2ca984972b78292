import "server-only";
import type { AuthenticationResponseJSON } from "@simplewebauthn/server";
import { z } from "zod";
import { getConfig } from "@/lib/config";
import { getDb } from "@/lib/db";
import { getCounterStore } from "@/lib/server/counters";
import { countAuthPost } from "@/lib/server/lockout/count-auth-post";
import { admitVerifiedUser, type AuthorizedUser } from "@/lib/server/auth/admit-verified-user";
import { recordSecurityEvent } from "@/lib/server/audit/record-security-event";
import { Refusal } from "@/lib/server/refusal";
import { contextFromHeaders } from "@/lib/server/request-context";
import { verifyPasskeyAssertion } from "./verify-passkey-assertion";

const passkeyCredentialsSchema = z.object({ response: z.string().min(2).max(32_768) });

/**
 * Passwordless sign-in, behind Auth.js's "passkey" Credentials provider: a passkey with the user verified proves two
 * factors at once, so it opens a full session with no second step. Account states are held as for a password.
 */
export async function authorizePasskey(credentials: Partial<Record<string, unknown>>, request: Request): Promise<AuthorizedUser> {
  const context = contextFromHeaders(request.headers);
  const [db, now] = [await getDb(), Date.now()];
  // Counted like every sign-in submission, so a flood of passkey attempts meets the per-minute limit too.
  await countAuthPost(await getCounterStore(), context.ip, getConfig().IP_AUTH_POST_PER_MINUTE, now);
  const parsed = passkeyCredentialsSchema.safeParse(credentials);
  let userId: string;
  try {
    if (!parsed.success) throw new Refusal("passkey_invalid");
    ({ userId } = await verifyPasskeyAssertion(db, { response: parseJson(parsed.data.response), purpose: "sign_in", now }));
  } catch (error) {
    if (error instanceof Refusal) await recordSecurityEvent(db, { type: "sign_in_failed", context, detail: { via: "passkey" }, now });
    throw error;
  }
  const user = await db.selectFrom("users").selectAll().where("id", "=", userId).executeTakeFirstOrThrow();
  // The passkey proved ownership: a frozen account may see why on the status view, but stays shut.
  return admitVerifiedUser({ db, user, remember: false, context, identifierHash: null, via: "passkey", now });
}

function parseJson(text: string): AuthenticationResponseJSON {
  try {
    return JSON.parse(text) as AuthenticationResponseJSON;
  } catch {
    throw new Refusal("passkey_invalid");
  }
}
