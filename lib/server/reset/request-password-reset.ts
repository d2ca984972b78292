import "server-only";
import type { Kysely } from "kysely";
import { getConfig } from "@/lib/config";
import type { Database } from "@/lib/db/schema";
import type { Identifier } from "@/lib/identifier/normalize-identifier";
import { hashIdentifier } from "@/lib/server/audit/hash-identifier";
import type { CounterStore } from "@/lib/server/counters";
import { checkAuthPostRate } from "@/lib/server/lockout/check-auth-post-rate";
import type { RequestContext } from "@/lib/server/request-context";
import { requestStatusCode } from "@/lib/server/status/request-status-code";

export const RESET_REQUESTS_PER_HOUR = 5;

type ResetRequest = {
  db: Kysely<Database>;
  store: CounterStore;
  identifier: Identifier;
  context: RequestContext;
  /** Sends the email link through Auth.js's email provider (the caller's signIn("nodemailer")). */
  sendEmailLink: (email: string) => Promise<void>;
  now?: number;
};

export type ResetRequested = { ok: true; resendAt: number } | { ok: false; code: "rate_limited"; retryAt: number };

/**
 * "Forgot password": the same answer for every identifier, with or without an account (PRODUCT.md §6).
 * Limits: the per-IP auth rate, and 5 requests an hour per identifier (counted for phantom ones too).
 */
export async function requestPasswordReset({ db, store, identifier, context, sendEmailLink, now = Date.now() }: ResetRequest): Promise<ResetRequested> {
  const rate = await checkAuthPostRate(store, context.ip, getConfig().IP_AUTH_POST_PER_MINUTE, now);
  if (rate.limited) return { ok: false, code: "rate_limited", retryAt: rate.retryAt };
  const perIdentifier = await store.hit(`reset-requests:${hashIdentifier(identifier.value)}`, 3_600_000, now);
  if (perIdentifier.count > RESET_REQUESTS_PER_HOUR) return { ok: false, code: "rate_limited", retryAt: perIdentifier.resetAt };

  if (identifier.kind === "mobile") {
    const sent = await requestStatusCode({ db, store, identifier, context, purpose: "reset", now, skipRateCheck: true });
    return sent.ok ? { ok: true, resendAt: sent.resendAt } : sent;
  }
  await sendEmailLink(identifier.value);
  return { ok: true, resendAt: now + 60_000 };
}
