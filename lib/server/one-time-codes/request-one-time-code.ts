import "server-only";
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import { getConfig } from "@/lib/config";
import type { CodePurpose, Database, User } from "@/lib/db/schema";
import type { Identifier } from "@/lib/identifier/normalize-identifier";
import { hashIdentifier } from "@/lib/server/audit/hash-identifier";
import type { CounterStore } from "@/lib/server/counters";
import { countAuthPost } from "@/lib/server/lockout/count-auth-post";
import type { RequestContext } from "@/lib/server/request-context";
import { findUserByIdentifier } from "@/lib/server/users/find-user-by-identifier";
import { sendOneTimeCode } from "./send-one-time-code";
import { recordSecurityEvent, type SecurityEventType } from "@/lib/server/audit/record-security-event";
import { HOUR_MS, ONE_TIME_CODE_RESEND_MS, ONE_TIME_CODES_PER_HOUR, hashOneTimeCode, newOneTimeCode, oneTimeCodeTtlMs } from "./one-time-code-policy";

type OneTimeCodeRequest = {
  db: Kysely<Database>;
  store: CounterStore;
  identifier: Identifier;
  context: RequestContext;
  purpose?: CodePurpose;
  /** The language of a recovery code, whose new contact has no account to take it from. */
  locale?: User["locale"];
  /** The caller already counted this submission against the per-IP limit. */
  skipRateCheck?: boolean;
  now?: number;
};

const SENT_EVENTS: Record<CodePurpose, SecurityEventType> = { status: "status_code_sent", reset: "reset_requested", sign_in: "sign_in_code_sent", unfreeze: "unfreeze_code_sent", recovery: "recovery_code_sent" };

/** The same for every identifier, with or without an account: nothing here may tell them apart. */
export type OneTimeCodeRequested = { resendAt: number };

/** When the next code may be sent: 60 s after the last one, and at most 5 in any hour. */
async function nextSendAt(db: Kysely<Database>, identifierHash: string, purpose: CodePurpose, now: number): Promise<number> {
  const recent = await db
    .selectFrom("one_time_codes")
    .select(["created_at", "last_sent_at"])
    .where("identifier_hash", "=", identifierHash)
    .where("purpose", "=", purpose)
    .where("created_at", ">", now - HOUR_MS)
    .orderBy("created_at", "desc")
    .limit(ONE_TIME_CODES_PER_HOUR)
    .execute();
  const afterLast = recent.length > 0 ? Number(recent[0].last_sent_at) + ONE_TIME_CODE_RESEND_MS : now;
  const hourly = recent.length >= ONE_TIME_CODES_PER_HOUR ? Number(recent[recent.length - 1].created_at) + HOUR_MS : now;
  return Math.max(afterLast, hourly, now);
}

/**
 * Sends a one-time code (status view, SMS reset or SMS sign-in step); over the per-IP submission limit it throws a rate_limited Refusal.
 * An identifier without an account gets a row too
 * (user_id null, a code nobody receives), so the answer and the work done are the same; only a real
 * account's owner is sent the code. A recovery code is the exception: it proves a new contact, so it always goes
 * to what was typed and its row names no account. A new code voids the older ones.
 */
export async function requestOneTimeCode(request: OneTimeCodeRequest): Promise<OneTimeCodeRequested> {
  const { db, store, identifier, context, purpose = "status", locale = "zh-CN", skipRateCheck = false, now = Date.now() } = request;
  if (!skipRateCheck) await countAuthPost(store, context.ip, getConfig().IP_AUTH_POST_PER_MINUTE, now);

  const identifierHash = hashIdentifier(identifier.value);
  const sendAt = await nextSendAt(db, identifierHash, purpose, now);
  if (sendAt > now) return { resendAt: sendAt };

  const user = purpose === "recovery" ? undefined : await findUserByIdentifier(db, identifier);
  const [id, code] = [randomUUID(), newOneTimeCode()];
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable("one_time_codes")
      .set({ used_at: now })
      .where("identifier_hash", "=", identifierHash)
      .where("purpose", "=", purpose)
      .where("used_at", "is", null)
      .execute();
    await trx
      .insertInto("one_time_codes")
      .values({ id, purpose, identifier_hash: identifierHash, user_id: user?.id ?? null, code_hash: hashOneTimeCode(id, code), created_at: now, expires_at: now + oneTimeCodeTtlMs(purpose), last_sent_at: now, used_at: null })
      .execute();
    if (user) await sendOneTimeCode(trx, { user, identifier, code, purpose, now });
    else if (purpose === "recovery") await sendOneTimeCode(trx, { user: { id: null, locale }, identifier, code, purpose, now });
    await recordSecurityEvent(trx, { type: SENT_EVENTS[purpose], userId: user?.id, identifierHash, context, now });
  });
  return { resendAt: now + ONE_TIME_CODE_RESEND_MS };
}
