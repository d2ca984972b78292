import "server-only";
import type { Kysely } from "kysely";
import type { JWT } from "next-auth/jwt";
import type { Database, ResetVia } from "@/lib/db/schema";
import { recordSecurityEvent } from "@/lib/server/audit/record-security-event";
import type { AuthorizedUser } from "@/lib/server/auth/admit-verified-user";
import type { RequestContext } from "@/lib/server/request-context";
import { createSession } from "./create-session";

// Proof of the email link or the SMS code gives a reset-only session, which remembers which of the two it was.
const RESET_PROVIDERS = new Map<string, ResetVia>([
  ["nodemailer", "email"],
  ["sms-reset", "sms"],
]);

type Issued = { userId: string; authorized: Partial<AuthorizedUser>; provider: string; context: RequestContext };

/**
 * What a session cookie says once a provider let someone in: a new row in the sessions table (the cookie holds only
 * its secret) and the purpose it serves. Auth.js's jwt callback and the credentials fast path both issue it here.
 */
export async function issueSessionClaims(db: Kysely<Database>, { userId, authorized, provider, context }: Issued): Promise<JWT> {
  const resetVia = RESET_PROVIDERS.get(provider);
  const purpose = resetVia ? "reset" : authorized.stage === "second_factor" ? "second_factor" : "full";
  // A second step keeps "keep me signed in" for the full session it leads to; its own cookie ends with the browser.
  const remember = purpose !== "reset" && Boolean(authorized.remember);
  const session = await createSession(db, { userId, persistent: remember, context, purpose, resetVia });
  if (purpose === "reset") await recordSecurityEvent(db, { type: "reset_link_followed", userId, context, detail: { via: provider } });
  return { sub: userId, sid: session.secret, sessionId: session.id, purpose, persistent: purpose === "full" && remember };
}
