import { getDb } from "@/lib/db";
import { verifyPassword } from "@/lib/password/argon2";
import { hashIdentifier } from "@/lib/server/audit/hash-identifier";
import { recordSecurityEvent } from "@/lib/server/audit/record-security-event";
import { contextFromHeaders, type RequestContext } from "@/lib/server/request-context";
import { findUserByIdentifier } from "@/lib/server/users/find-user-by-identifier";
import { signInSchema } from "@/lib/validation/auth";
import { SignInRefused } from "./sign-in-errors";

export type AuthorizedUser = { id: string; remember: boolean; context: RequestContext };

/**
 * The sign-in rules, behind Auth.js's Credentials provider so that the form and a direct POST to
 * /api/auth/callback/credentials are held alike. Unknown identifiers cost one hash, like wrong passwords.
 */
export async function authorizeCredentials(credentials: Partial<Record<string, unknown>>, request: Request): Promise<AuthorizedUser> {
  const parsed = signInSchema.safeParse(credentials);
  if (!parsed.success) throw new SignInRefused("invalid_input");
  const { identifier, password, remember } = parsed.data;
  const context = contextFromHeaders(request.headers);
  const db = await getDb();
  const identifierHash = hashIdentifier(identifier.value);

  const user = await findUserByIdentifier(db, identifier);
  const passwordOk = await verifyPassword(user?.password_hash, password);
  if (!user || !passwordOk) {
    await recordSecurityEvent(db, { type: "sign_in_failed", userId: user?.id, identifierHash, context });
    throw new SignInRefused("invalid_credentials");
  }
  if (user.status !== "active") {
    await recordSecurityEvent(db, { type: "sign_in_refused_status", userId: user.id, identifierHash, context, detail: { status: user.status } });
    throw new SignInRefused("account_unavailable");
  }
  await recordSecurityEvent(db, { type: "sign_in_succeeded", userId: user.id, identifierHash, context });
  return { id: user.id, remember, context };
}
