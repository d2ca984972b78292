import { z } from "zod";
import type { ErrorCode } from "@/lib/error-codes";
import { isIdentifier, normalizeIdentifier, type Identifier } from "@/lib/identifier/normalize-identifier";
import { PASSWORD_MAX_LENGTH } from "@/lib/validation/limits";
import { safeReturnPath } from "@/lib/safe-return-path";

const code = (c: ErrorCode) => ({ error: c });

export const identifierField = z
  .string(code("identifier_required"))
  .transform((raw, ctx): Identifier => {
    const result = normalizeIdentifier(raw);
    if (isIdentifier(result)) return result;
    ctx.addIssue({ code: "custom", message: result });
    return z.NEVER;
  });

export const currentPasswordField = z
  .string(code("password_required"))
  .min(1, code("password_required"))
  .max(PASSWORD_MAX_LENGTH, code("password_too_long"))
  .refine((p) => !p.includes("\ufffd"), code("password_invalid"));

/** Only paths on this site, by the same rule as every other redirect (lib/safe-return-path.ts). */
export const callbackPathField = z
  .unknown()
  .optional()
  .transform((v) => safeReturnPath(v, "/account"));

const checkbox = z.unknown().optional().transform((v) => v === "on" || v === "true" || v === "1");

export const signInSchema = z.object({
  identifier: identifierField,
  password: currentPasswordField,
  remember: checkbox,
  callbackUrl: callbackPathField,
});

export type SignInInput = z.output<typeof signInSchema>;

/** Zod issues → field → error codes, as the forms display them. */
export function fieldErrorsOf(error: z.ZodError): Record<string, ErrorCode[]> {
  const out: Record<string, ErrorCode[]> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    (out[field] ??= []).push(issue.message as ErrorCode);
  }
  return out;
}
