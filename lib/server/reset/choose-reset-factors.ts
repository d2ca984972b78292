import "server-only";
import type { ResetVia } from "@/lib/db/schema";
import { hasTwoStep, type TwoStepMethods } from "@/lib/server/two-step/find-two-step-methods";

/** A second factor a password reset may accept. */
export type ResetFactor = "totp" | "backup_code" | "passkey" | "sms";

export type ResetFactorRule =
  /** No two-step verification on the account: the emailed link or texted code is enough. */
  | { required: false }
  /** Two-step verification is on: one of `factors` (maybe none usable → only the 72-hour hold is left). */
  | { required: true; factors: ResetFactor[] };

/**
 * Which second factors a reset may ask for. The factor must be of another kind than the proof that opened the
 * reset, so a texted code never pairs with an SMS reset; a reset whose channel is unknown is treated as by SMS.
 */
export function chooseResetFactors(methods: TwoStepMethods, resetVia: ResetVia | null): ResetFactorRule {
  if (!hasTwoStep(methods)) return { required: false };
  const factors: ResetFactor[] = [];
  if (methods.totp) factors.push("totp");
  if (methods.backupCodes > 0) factors.push("backup_code");
  if (methods.passkeys > 0) factors.push("passkey");
  if (methods.sms && resetVia === "email") factors.push("sms");
  return { required: true, factors };
}
