import "server-only";
import { createHash } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { Kysely } from "kysely";
import type { Config } from "@/lib/config";
import type { Database } from "@/lib/db/schema";
import { isIdentifier, normalizeIdentifier } from "@/lib/identifier/normalize-identifier";
import type { CounterStore } from "@/lib/server/counters/counter-store";
import { Refusal } from "@/lib/server/refusal";
import type { RequestContext } from "@/lib/server/request-context";
import { enterSignInGate } from "./enter-sign-in-gate";

export const CREDENTIALS_CALLBACK = "/api/auth/callback/credentials";
export const EARLY_BODY_LIMIT = 16 * 1024;

type Early = {
  db: Kysely<Database>;
  store: CounterStore;
  config: Pick<Config, "APP_URL" | "AUTH_SECRET" | "IP_AUTH_POST_PER_MINUTE" | "IP_FAILED_SIGNIN_LIMIT">;
};

/** Auth.js's double-submit pair: the cookie holds "token|sha256(token + secret)", the form the token. */
function csrfVerified(req: IncomingMessage, bodyToken: string | null, secret: string): boolean {
  const cookies = (req.headers.cookie ?? "").split(";").map((c) => c.trim());
  const raw = cookies.find((c) => /^(__Host-)?authjs\.csrf-token=/.test(c))?.split("=")[1];
  if (!raw || !bodyToken) return false;
  let pair: string;
  try {
    pair = decodeURIComponent(raw);
  } catch {
    return false; // not a cookie Auth.js set: Auth.js decides (and refuses)
  }
  const [token, hash] = pair.split("|");
  return token === bodyToken && createHash("sha256").update(`${token}${secret}`).digest("hex") === hash;
}

/**
 * A direct POST to the credentials callback that the sign-in gate refuses (paused identifier, throttled network,
 * too many submissions) is answered here, before Next.js and Auth.js: a refused attempt must cost far less than a
 * sign-in. The gate is the one authorize() passes, without reserving anything, so the answer and the audit row
 * are the same; anything it lets through (or cannot read) goes on to Auth.js untouched, which applies every rule.
 */
export async function refuseEarly(req: IncomingMessage, body: Buffer, context: RequestContext, { db, store, config }: Early): Promise<string | null> {
  if (!config.AUTH_SECRET || !(req.headers["content-type"] ?? "").startsWith("application/x-www-form-urlencoded")) return null;
  const form = new URLSearchParams(body.toString("utf8"));
  if (!csrfVerified(req, form.get("csrfToken"), config.AUTH_SECRET)) return null;
  const identifier = normalizeIdentifier(form.get("identifier") ?? "");
  if (!isIdentifier(identifier)) return null;
  try {
    await enterSignInGate({ db, store, config, identifier, context, now: Date.now(), reserve: false });
    return null;
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    return `${config.APP_URL}/sign-in?${new URLSearchParams({ error: "CredentialsSignin", code: error.code })}`;
  }
}
