import "server-only";
import { timingSafeEqual } from "node:crypto";
import { generate, generateSecret } from "otplib";
import { getAuthSecret } from "@/lib/server/auth/auth-secret";
import { deriveKey, openSealedText, sealText } from "@/lib/server/crypto/secret-box";

// RFC 6238 as every authenticator app expects it: SHA-1, 6 digits, 30-second steps; one step of clock drift either way.
export const TOTP_PERIOD_S = 30;
export const TOTP_DRIFT_STEPS = 1;
export const TOTP_ISSUER = "钱能钱包";
const SECRET_BYTES = 20;

export function newTotpSecret(): string {
  return generateSecret({ length: SECRET_BYTES });
}

function totpKey(): Buffer {
  return deriveKey(getAuthSecret(), "totp-secret");
}

/** Sealed for this user only: a secret copied to another row does not open. */
export function sealTotpSecret(secret: string, userId: string): string {
  return sealText(secret, { key: totpKey(), context: userId });
}

export function openTotpSecret(sealed: string, userId: string): string {
  return openSealedText(sealed, { key: totpKey(), context: userId });
}

export function totpStepAt(now: number): number {
  return Math.floor(now / 1000 / TOTP_PERIOD_S);
}

/** Digits only, after folding full-width digits and dropping spaces; anything else is not a code. */
export function normalizeTotpCode(raw: unknown): string | null {
  if (typeof raw !== "string" || raw.length > 20) return null;
  const code = raw.normalize("NFKC").replace(/\s+/g, "");
  return /^\d{6}$/.test(code) ? code : null;
}

/** The time step (now ±1) whose code this is, or null. */
export async function matchTotpStep(secret: string, rawCode: unknown, now: number): Promise<number | null> {
  const code = normalizeTotpCode(rawCode);
  if (!code) return null;
  const current = totpStepAt(now);
  let matched: number | null = null;
  for (let step = current - TOTP_DRIFT_STEPS; step <= current + TOTP_DRIFT_STEPS; step++) {
    const expected = await generate({ secret, epoch: step * TOTP_PERIOD_S });
    // Every step is compared, so the time taken does not tell which one matched.
    if (timingSafeEqual(Buffer.from(expected), Buffer.from(code)) && matched === null) matched = step;
  }
  return matched;
}
