import { z } from "zod";
import { checkPassword, type PasswordContext } from "@/lib/password/policy";
import { PASSWORD_MAX_LENGTH } from "@/lib/validation/limits";

/**
 * A new password under the password policy, output NFKC-normalized; each issue's message is a problem code.
 * Reuse of recent passwords needs the stored hashes: see lib/password/check-password-history.ts.
 */
export function newPasswordField(context: PasswordContext) {
  return z.string({ error: "password_required" }).transform((raw, ctx) => {
    // Refused before normalizing or scoring, so a pasted megabyte costs nothing.
    if (raw.length > PASSWORD_MAX_LENGTH) {
      ctx.addIssue({ code: "custom", message: "password_too_long" });
      return z.NEVER;
    }
    for (const problem of checkPassword(raw, context).problems) ctx.addIssue({ code: "custom", message: problem });
    return raw.normalize("NFKC");
  });
}

/** `{ password, confirm }` from a set-password form; a differing confirmation is "password_mismatch" on `confirm`. */
export function newPasswordSchema(context: PasswordContext) {
  return z
    .object({
      password: newPasswordField(context),
      confirm: z.string({ error: "password_mismatch" }).max(PASSWORD_MAX_LENGTH, { error: "password_mismatch" }),
    })
    .refine((v) => typeof v.password !== "string" || v.password === v.confirm.normalize("NFKC"), {
      path: ["confirm"],
      message: "password_mismatch",
      // Also when the password itself is refused, so the form shows every problem in one round trip.
      when: (payload) => typeof (payload.value as { confirm?: unknown } | undefined)?.confirm === "string",
    });
}

export type NewPasswordInput = z.output<ReturnType<typeof newPasswordSchema>>;
