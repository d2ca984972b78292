import { z } from "zod";
import { callbackPathField } from "./auth";

const checkbox = z.unknown().optional().transform((v) => v === "on");

/** One answer to the second step: which kind, and the code typed or the passkey's assertion. */
export const secondStepSchema = z.object({
  method: z.enum(["totp", "sms", "backup", "passkey"], { error: "invalid_input" }),
  code: z.string().max(64, { error: "code_format" }).optional(),
  response: z.string().max(20_000).optional(),
  trust: checkbox,
  callbackUrl: callbackPathField,
});
