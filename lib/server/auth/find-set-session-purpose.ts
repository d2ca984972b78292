import "server-only";
import { readSessionCookie } from "./session-cookie";

/**
 * The purpose of the session cookie Auth.js has just set in this same request (a server action's signIn): auth()
 * still reads the cookie the request came with, so the new one is read from the response's cookies instead.
 */
export async function findSetSessionPurpose(): Promise<string | null> {
  const claims = await readSessionCookie();
  return typeof claims?.purpose === "string" ? claims.purpose : null;
}
