"use server";

import { AuthError } from "next-auth";
import { redirect, unstable_rethrow } from "next/navigation";
import { auth, signIn, signOut } from "@/auth";
import { getConfig } from "@/lib/config";
import { getDb } from "@/lib/db";
import { isErrorCode, type FormState } from "@/lib/error-codes";
import { getCounterStore } from "@/lib/server/counters";
import { getRequestContext } from "@/lib/server/request-context";
import { requestPasswordReset } from "@/lib/server/reset/request-password-reset";
import { resetPassword } from "@/lib/server/reset/reset-password";
import { fieldErrorsOf } from "@/lib/validation/auth";
import { newPasswordSchema } from "@/lib/validation/password";
import { forgotPasswordSchema, resetCodeSchema } from "@/lib/validation/reset";

/** The SMS code: the right one turns this browser's visit into a reset-only session ("sms-reset" provider). */
export async function verifyResetCodeAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const raw = { identifier: formData.get("identifier") ?? undefined, code: formData.get("code") ?? undefined };
  const parsed = resetCodeSchema.safeParse(raw);
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error) };
  try {
    await signIn("sms-reset", { identifier: parsed.data.identifier.value, code: parsed.data.code, redirectTo: "/reset-password" });
  } catch (error) {
    unstable_rethrow(error); // success is a redirect
    const code = error instanceof AuthError ? (error as AuthError & { code?: unknown }).code : undefined;
    if (!isErrorCode(code)) console.error("reset code check failed", error);
    return { code: isErrorCode(code) ? code : "unavailable" };
  }
  return { ok: true };
}

/** "Send a new code" on the reset page: the same rules and answer as the first request. */
export async function resendResetCodeAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const parsed = forgotPasswordSchema.safeParse({ identifier: formData.get("identifier") ?? undefined });
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error) };
  const result = await requestPasswordReset({
    db: await getDb(),
    store: await getCounterStore(),
    identifier: parsed.data.identifier,
    context: await getRequestContext(),
    sendEmailLink: async () => {},
  });
  return result.ok ? { ok: true, until: result.resendAt } : { code: result.code, until: result.retryAt };
}

/** The new password, for the account behind this reset-only session; afterwards everyone signs in again. */
export async function resetPasswordAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const session = await auth();
  if (!session?.sessionId || session.purpose !== "reset") return { code: "reset_expired" };
  const db = await getDb();
  const user = await db.selectFrom("users").select(["email", "mobile", "name"]).where("id", "=", session.user!.id!).executeTakeFirst();
  if (!user) return { code: "reset_expired" };
  const schema = newPasswordSchema({ ...user, composition: getConfig().PASSWORD_COMPOSITION });
  const parsed = schema.safeParse({ password: formData.get("password") ?? undefined, confirm: formData.get("confirm") ?? undefined });
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error) };

  const result = await resetPassword({
    db,
    store: await getCounterStore(),
    resetSessionId: session.sessionId,
    password: parsed.data.password,
    context: await getRequestContext(),
  });
  if (!result.ok) return result.code === "password_reused" ? { fieldErrors: { password: ["password_reused"] } } : { code: result.code };
  await signOut({ redirect: false });
  redirect("/sign-in?reset=1");
}
