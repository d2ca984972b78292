import "server-only";
import type { Kysely } from "kysely";
import { getConfig } from "@/lib/config";
import type { CodePurpose, Database } from "@/lib/db/schema";
import type { Identifier } from "@/lib/identifier/normalize-identifier";
import { hashIdentifier } from "@/lib/server/audit/hash-identifier";
import { recordSecurityEvent, type SecurityEventType } from "@/lib/server/audit/record-security-event";
import type { CounterStore } from "@/lib/server/counters";
import { countAuthPost } from "@/lib/server/lockout/count-auth-post";
import { Refusal } from "@/lib/server/refusal";
import type { RequestContext } from "@/lib/server/request-context";
import { ONE_TIME_CODE_MAX_ATTEMPTS, oneTimeCodeMatches } from "./one-time-code-policy";
import { grantStatusTicket } from "@/lib/server/status/grant-status-ticket";

type OneTimeCodeAttempt = {
  db: Kysely<Database>;
  store: CounterStore;
  identifier: Identifier;
  code: string;
  context: RequestContext;
  /** "status" (default) grants this browser a status ticket; the other purposes leave what follows to the caller. */
  purpose?: CodePurpose;
  now?: number;
};


const FAILED_EVENTS: Record<CodePurpose, SecurityEventType> = { status: "status_code_failed", reset: "reset_code_failed", sign_in: "sign_in_code_failed", unfreeze: "unfreeze_code_failed", recovery: "recovery_code_failed" };

type Outcome = { outcome: "ok" | "code_incorrect" | "code_invalid"; userId: string | null };

async function newestCode(db: Kysely<Database>, identifierHash: string, purpose: CodePurpose) {
  return db
    .selectFrom("one_time_codes")
    .selectAll()
    .where("identifier_hash", "=", identifierHash)
    .where("purpose", "=", purpose)
    .orderBy("created_at", "desc")
    .limit(1)
    .executeTakeFirst();
}

/** One atomic step, so concurrent guesses cannot exceed five tries between them; the fifth voids the code. */
async function countWrongTry(db: Kysely<Database>, id: string): Promise<"code_incorrect" | "code_invalid"> {
  const counted = await db
    .updateTable("one_time_codes")
    .set((eb) => ({ attempts: eb("attempts", "+", 1) }))
    .where("id", "=", id)
    .where("used_at", "is", null)
    .where("attempts", "<", ONE_TIME_CODE_MAX_ATTEMPTS)
    .returning("attempts")
    .executeTakeFirst();
  return counted !== undefined && Number(counted.attempts) < ONE_TIME_CODE_MAX_ATTEMPTS ? "code_incorrect" : "code_invalid";
}

/** Marks the code used unless a concurrent request did first or wrong tries voided it meanwhile. */
async function spendCode(db: Kysely<Database>, id: string, now: number): Promise<boolean> {
  const used = await db
    .updateTable("one_time_codes")
    .set({ used_at: now })
    .where("id", "=", id)
    .where("used_at", "is", null)
    .where("attempts", "<", ONE_TIME_CODE_MAX_ATTEMPTS)
    .returning("id")
    .executeTakeFirst();
  return used !== undefined;
}

async function checkCode(db: Kysely<Database>, identifierHash: string, code: string, purpose: CodePurpose, now: number): Promise<Outcome> {
  const row = await newestCode(db, identifierHash, purpose);
  if (!row) return { outcome: "code_invalid", userId: null };
  const live = row.used_at === null && Number(row.expires_at) > now && Number(row.attempts) < ONE_TIME_CODE_MAX_ATTEMPTS;
  if (!live) return { outcome: "code_invalid", userId: row.user_id };
  // A phantom row's code reaches nobody: even a lucky guess proves nothing, so it counts as wrong.
  const matches = oneTimeCodeMatches(row, code);
  if (!matches || (!row.user_id && purpose !== "recovery")) return { outcome: await countWrongTry(db, row.id), userId: row.user_id };
  return { outcome: (await spendCode(db, row.id, now)) ? "ok" : "code_invalid", userId: row.user_id };
}

/**
 * Step two: the right code proves the account (and, for the status view, gives this browser a status ticket).
 * Refusals: "code_incorrect" (wrong, tries remain), "code_invalid" (no live code: expired, used, voided by a newer
 * one or by five wrong tries, never requested — request a new one), "rate_limited". An identifier without an
 * account has a live code too, so it answers exactly like a real one.
 */
export async function verifyOneTimeCode({ db, store, identifier, code, context, purpose = "status", now = Date.now() }: OneTimeCodeAttempt): Promise<{ userId: string }> {
  await countAuthPost(store, context.ip, getConfig().IP_AUTH_POST_PER_MINUTE, now);

  const identifierHash = hashIdentifier(identifier.value);
  const { outcome, userId } = await checkCode(db, identifierHash, code, purpose, now);
  const audit = { userId, identifierHash, context, now };
  if (outcome !== "ok" || !userId) {
    await recordSecurityEvent(db, { type: FAILED_EVENTS[purpose], ...audit, detail: { reason: outcome } });
    throw new Refusal(outcome === "ok" ? "code_invalid" : outcome);
  }
  if (purpose !== "status") return { userId };
  await grantStatusTicket(userId, now);
  await recordSecurityEvent(db, { type: "status_viewed", ...audit, detail: { via: "status_code" } });
  return { userId };
}

/** Proves a recovery request's new contact (no account involved); refuses like verifyOneTimeCode. */
export async function verifyRecoveryCode({ db, store, identifier, code, context, now = Date.now() }: Omit<OneTimeCodeAttempt, "purpose">): Promise<void> {
  await countAuthPost(store, context.ip, getConfig().IP_AUTH_POST_PER_MINUTE, now);
  const identifierHash = hashIdentifier(identifier.value);
  const { outcome } = await checkCode(db, identifierHash, code, "recovery", now);
  if (outcome === "ok") return;
  await recordSecurityEvent(db, { type: "recovery_code_failed", identifierHash, context, now, detail: { reason: outcome } });
  throw new Refusal(outcome);
}
