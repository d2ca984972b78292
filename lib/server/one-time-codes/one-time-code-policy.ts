import "server-only";
import { createHmac, randomInt, timingSafeEqual } from "node:crypto";
import type { CodePurpose } from "@/lib/db/schema";
import { getAuthSecret } from "@/lib/server/auth/auth-secret";

// A status or reset code lives 10 min, a sign-in code 5 (it stands in for the app while someone waits at the
// sign-in page); 5 wrong tries void it, a new one may be sent after 60 s.
// The cap of 5 an hour (for each purpose) keeps the codes from being used to flood someone's phone.
export const ONE_TIME_CODE_TTL_MS = 10 * 60_000;
export const SIGN_IN_CODE_TTL_MS = 5 * 60_000;
export const ONE_TIME_CODE_MAX_ATTEMPTS = 5;
export const ONE_TIME_CODE_RESEND_MS = 60_000;
export const ONE_TIME_CODES_PER_HOUR = 5;
export const HOUR_MS = 3_600_000;

export function oneTimeCodeTtlMs(purpose: CodePurpose): number {
  return purpose === "sign_in" ? SIGN_IN_CODE_TTL_MS : ONE_TIME_CODE_TTL_MS;
}

export function newOneTimeCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, "0");
}

/** Keyed by the server secret and the row id: a million possible codes must not be reversible from the table (the key label predates the table's rename). */
export function hashOneTimeCode(rowId: string, code: string): string {
  return createHmac("sha256", getAuthSecret()).update(`status-code:${rowId}:${code}`).digest("base64url");
}

export function oneTimeCodeMatches(row: { id: string; code_hash: string }, code: string): boolean {
  const expected = Buffer.from(row.code_hash);
  const given = Buffer.from(hashOneTimeCode(row.id, code));
  return given.length === expected.length && timingSafeEqual(given, expected);
}
