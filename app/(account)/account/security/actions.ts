"use server";

import { getConfig } from "@/lib/config";
import { getDb } from "@/lib/db";
import type { FormState } from "@/lib/error-codes";
import { requireAccount } from "@/lib/server/auth/require-account";
import { getRequestContext } from "@/lib/server/request-context";
import { changePassword } from "@/lib/server/reset/change-password";
import { currentPasswordField, fieldErrorsOf } from "@/lib/validation/auth";
import { newPasswordSchema } from "@/lib/validation/password";

/** Change password while signed in: checks the session itself (an action is a public endpoint). */
export async function changePasswordAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const { user, session } = await requireAccount("/account/security");
  const schema = newPasswordSchema({ ...user, composition: getConfig().PASSWORD_COMPOSITION }).extend({ current: currentPasswordField });
  const parsed = schema.safeParse({
    current: formData.get("current") ?? undefined,
    password: formData.get("password") ?? undefined,
    confirm: formData.get("confirm") ?? undefined,
  });
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error) };
  const result = await changePassword({
    db: await getDb(),
    userId: user.id,
    keepSessionId: session.id,
    currentPassword: parsed.data.current,
    password: parsed.data.password,
    context: await getRequestContext(),
  });
  if (!result.ok) return { fieldErrors: { [result.code === "current_password_wrong" ? "current" : "password"]: [result.code] } };
  return { ok: true };
}
