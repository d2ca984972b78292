import "server-only";
import { createHash } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { Kysely } from "kysely";
import type { Config } from "@/lib/config";
import type { Database } from "@/lib/db/schema";
import { isIdentifier, normalizeIdentifier } from "@/lib/identifier/normalize-identifier";
import { hashIdentifier } from "@/lib/server/audit/hash-identifier";
import { recordSecurityEvent } from "@/lib/server/audit/record-security-event";
import type { CounterStore } from "@/lib/server/counters/counter-store";
import { checkAuthPostRate } from "@/lib/server/lockout/check-auth-post-rate";
import { checkSignInAllowed } from "@/lib/server/lockout/check-sign-in-allowed";
import type { RequestContext } from "@/lib/server/request-context";

export const CREDENTIALS_CALLBACK = "/api/auth/callback/credentials";
export const EARLY_BODY_LIMIT = 16 * 1024;

type Early = { db: Kysely<Database>; store: CounterStore; config: Pick<Config, "APP_URL" | "AUTH_SECRET" | "IP_AUTH_POST_PER_MINUTE"> };

function csrfVerified(req: IncomingMessage, bodyToken: string | null, secret: string): boolean {
  const cookies = (req.headers.cookie ?? "").split(";").map((c) => c.trim());
  const raw = cookies.find((c) => /^(__Host-)?authjs\.csrf-token=/.test(c))?.split("=")[1];
  if (!raw || !bodyToken) return false;
  const [token, hash] = decodeURIComponent(raw).split("|");
  return token === bodyToken && createHash("sha256").update(`${token}${secret}`).digest("hex") === hash;
}

/**
 * A direct POST to the credentials callback for an identifier that is paused (or from a throttled network)
 * is refused here, before Next.js and Auth.js: a paused attempt must cost far less than a sign-in. The same
 * gate as authorize() decides, with the same audit row and the same answer Auth.js would give; anything it
 * does not refuse (or cannot read) goes on to Auth.js untouched, which applies every rule again.
 */
export async function refuseEarly(req: IncomingMessage, body: Buffer, context: RequestContext, { db, store, config }: Early): Promise<string | null> {
  if (!config.AUTH_SECRET || !(req.headers["content-type"] ?? "").startsWith("application/x-www-form-urlencoded")) return null;
  const form = new URLSearchParams(body.toString("utf8"));
  if (!csrfVerified(req, form.get("csrfToken"), config.AUTH_SECRET)) return null;
  const identifier = normalizeIdentifier(form.get("identifier") ?? "");
  if (!isIdentifier(identifier)) return null;

  const now = Date.now();
  const identifierHash = hashIdentifier(identifier.value);
  const gate = await checkSignInAllowed(store, identifierHash, context.ip, now);
  if (gate.allowed) return null;
  // Counted like any submission, so the per-minute limit sees these too.
  await checkAuthPostRate(store, context.ip, config.IP_AUTH_POST_PER_MINUTE, now);
  const paused = gate.reason === "paused";
  await recordSecurityEvent(db, { type: paused ? "sign_in_refused_paused" : "sign_in_refused_throttled", identifierHash, context, now });
  const code = paused ? "sign_in_paused" : "ip_throttled";
  return `${config.APP_URL}/sign-in?${new URLSearchParams({ error: "CredentialsSignin", code })}`;
}
