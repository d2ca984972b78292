import "server-only";
import type { TwoStepMethods } from "./find-two-step-methods";
import type { SecondFactorMethod } from "./verify-second-factor";

/** Is this kind of second factor one the account has turned on (so it may answer a sign-in's second step)? */
export function offersMethod(methods: TwoStepMethods, method: SecondFactorMethod): boolean {
  if (method === "totp") return methods.totp;
  if (method === "sms") return methods.sms;
  if (method === "backup") return methods.backupCodes > 0;
  return methods.passkeys > 0;
}
