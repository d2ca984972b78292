import { z } from "zod";
import { currentPasswordField } from "./auth";

/** A support case as users quote it: "QN-2026-004271". */
export const CASE_REF_PATTERN = /^QN-\d{4}-\d{6}$/;

/** How an unfreeze is proved besides the password: a second factor the account turned on, or a code to a registered channel. */
export const UNFREEZE_METHODS = ["totp", "sms", "backup", "email", "mobile"] as const;
export type UnfreezeMethod = (typeof UNFREEZE_METHODS)[number];

const method = z.enum(UNFREEZE_METHODS, { error: "invalid_input" });

/** The "yes, freeze it now" box: a freeze is never one stray click. */
const confirmed = z.literal("on", { error: "freeze_confirm_required" });

export const freezeFromStatusSchema = z.object({ confirm: confirmed });

/** The signed-in freeze, optionally for a reported transaction's case (checked against the account's own cases). */
export const freezeAccountSchema = z.object({
  confirm: confirmed,
  case: z
    .string()
    .max(32)
    .optional()
    .transform((v) => v || undefined),
});

export const unfreezeSchema = z.object({
  password: currentPasswordField,
  method,
  code: z.string({ error: "code_required" }).trim().min(1, { error: "code_required" }).max(64, { error: "code_format" }),
});

export const sendUnfreezeCodeSchema = z.object({ method });

export const notMeSchema = z.object({ token: z.string().min(1).max(200) });
