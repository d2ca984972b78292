import "server-only";
import { createHmac, randomInt } from "node:crypto";
import { getAuthSecret } from "@/lib/server/auth/auth-secret";
import { deriveKey } from "@/lib/server/crypto/secret-box";

export const BACKUP_CODE_COUNT = 10;
const CODE_LENGTH = 10;
// No 0/o, 1/i/l: a code copied from paper reads one way only.
const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
const SHAPE = new RegExp(`^[${ALPHABET}]{${CODE_LENGTH}}$`);

/** "abcde-fghjk": ten characters shown in two groups of five. */
export function newBackupCode(): string {
  const chars = Array.from({ length: CODE_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]);
  return `${chars.slice(0, 5).join("")}-${chars.slice(5).join("")}`;
}

/** Case, spaces and dashes do not matter; anything that cannot be a code is null. */
export function normalizeBackupCode(raw: unknown): string | null {
  if (typeof raw !== "string" || raw.length > 40) return null;
  const code = raw.normalize("NFKC").toLowerCase().replace(/[\s\-‐-―]+/g, "");
  return SHAPE.test(code) ? code : null;
}

let key: Buffer | undefined;

/** A keyed hash, bound to the account: the table alone gives nothing to try, and one code is good for one account. */
export function hashBackupCode(userId: string, normalized: string): string {
  key ??= deriveKey(getAuthSecret(), "backup-code");
  return createHmac("sha256", key).update(`${userId}:${normalized}`).digest("base64url");
}
