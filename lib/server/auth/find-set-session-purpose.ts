import "server-only";
import { cookies } from "next/headers";
import { decode } from "next-auth/jwt";
import { getConfig } from "@/lib/config";
import { unmarkSessionToken } from "@/lib/session-token-marker";
import { getAuthSecret } from "./auth-secret";

/**
 * The purpose of the session cookie Auth.js has just set in this same request (a server action's signIn): auth()
 * still reads the cookie the request came with, so the new one is read from the response's cookies instead.
 */
export async function findSetSessionPurpose(): Promise<string | null> {
  const name = `${getConfig().APP_URL.startsWith("https:") ? "__Secure-" : ""}authjs.session-token`;
  const value = (await cookies()).get(name)?.value;
  if (!value) return null;
  const claims = await decode({ token: unmarkSessionToken(value), secret: getAuthSecret(), salt: name }).catch(() => null);
  return typeof claims?.purpose === "string" ? claims.purpose : null;
}
