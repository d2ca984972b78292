import "server-only";
import type { Kysely } from "kysely";
import { getConfig } from "@/lib/config";
import type { Database } from "@/lib/db/schema";
import type { Identifier } from "@/lib/identifier/normalize-identifier";
import { hashIdentifier } from "@/lib/server/audit/hash-identifier";
import type { CounterStore } from "@/lib/server/counters";
import { countAuthPost } from "@/lib/server/lockout/count-auth-post";
import { Refusal } from "@/lib/server/refusal";
import type { RequestContext } from "@/lib/server/request-context";
import { requestOneTimeCode } from "@/lib/server/one-time-codes/request-one-time-code";

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

export type ResetRequested = { resendAt: number };

/**
 * "Forgot password": the same answer, and the same timing, for every identifier, with or without an account.
 * Limits: the per-IP auth rate, and 5 requests an hour per identifier (counted for phantom ones too): over
 * either, a rate_limited Refusal.
 */
export async function requestPasswordReset({ db, store, identifier, context, sendEmailLink, now = Date.now() }: ResetRequest): Promise<ResetRequested> {
  await countAuthPost(store, context.ip, getConfig().IP_AUTH_POST_PER_MINUTE, now);
  const perIdentifier = await store.hit(`reset-requests:${hashIdentifier(identifier.value)}`, 3_600_000, now);
  if (perIdentifier.count > RESET_REQUESTS_PER_HOUR) throw new Refusal("rate_limited", { until: perIdentifier.resetAt });

  if (identifier.kind === "mobile") {
    return requestOneTimeCode({ db, store, identifier, context, purpose: "reset", now, skipRateCheck: true });
  }
  await sendEmailLink(identifier.value);
  return { resendAt: now + 60_000 };
}
