"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/lib/db";
import type { FormState } from "@/lib/error-codes";
import { defineFormAction } from "@/lib/server/actions/define-form-action";
import { getCounterStore } from "@/lib/server/counters";
import { Refusal } from "@/lib/server/refusal";
import { getRequestContext } from "@/lib/server/request-context";
import { findStatusViewer } from "@/lib/server/status/find-status-viewer";
import { requestOneTimeCode } from "@/lib/server/one-time-codes/request-one-time-code";
import { unlockFromStatus } from "@/lib/server/status/unlock-from-status";
import { verifyOneTimeCode } from "@/lib/server/one-time-codes/verify-one-time-code";
import { requestStatusCodeSchema, verifyStatusCodeSchema } from "@/lib/validation/one-time-code";
import { fieldErrorsOf } from "@/lib/validation/auth";

// The code step's state is its echoed fields: `step` "code" shows the code form, `resendAt` (epoch ms) gates
// "resend", `next` is where a proven visitor goes (the support form, or by default the status).
const STEP_FIELDS = ["identifier", "step", "resendAt", "next"];
const NEXT_PAGES = new Set(["/account-status", "/support/new"]);
const nextOf = (formData: FormData) => {
  const next = String(formData.get("next") ?? "");
  return NEXT_PAGES.has(next) ? next : "/account-status";
};
const codeStep = (identifier: string, resendAt: number, next: string, extra: FormState = {}): FormState => ({
  ...extra,
  values: { identifier, step: "code", resendAt: String(resendAt), next },
});

async function requestCode(formData: FormData): Promise<FormState> {
  const parsed = requestStatusCodeSchema.safeParse({ identifier: formData.get("identifier") ?? undefined });
  // From the code step ("send a new code") the identifier is a hidden field nobody can fix: start again.
  if (!parsed.success && formData.get("step") === "code") throw new Refusal("invalid_input");
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error), values: { identifier: String(formData.get("identifier") ?? "").slice(0, 300) } };
  const [db, store, context] = [await getDb(), await getCounterStore(), await getRequestContext()];
  const { resendAt } = await requestOneTimeCode({ db, store, identifier: parsed.data.identifier, context });
  return codeStep(parsed.data.identifier.value, resendAt, nextOf(formData), { ok: true });
}

async function verifyCode(formData: FormData): Promise<FormState> {
  const parsed = verifyStatusCodeSchema.safeParse({ identifier: formData.get("identifier") ?? undefined, code: formData.get("code") ?? undefined });
  if (!parsed.success) {
    const fieldErrors = fieldErrorsOf(parsed.error);
    if (fieldErrors.identifier) throw new Refusal("invalid_input");
    return codeStep(String(formData.get("identifier")), Number(formData.get("resendAt")) || 0, nextOf(formData), { fieldErrors });
  }
  const [db, store, context] = [await getDb(), await getCounterStore(), await getRequestContext()];
  await verifyOneTimeCode({ db, store, identifier: parsed.data.identifier, code: parsed.data.code, context });
  // The ticket cookie is set: the page now shows the status itself, or the support form.
  redirect(nextOf(formData));
}

/**
 * Both steps of the signed-out flow in one action, so the form works before (and without) JavaScript. A refusal
 * keeps the visitor on the step they were on (the echoed fields carry it).
 */
export const statusCodeAction = defineFormAction(
  { schema: z.object({ intent: z.enum(["request", "verify"]).catch("request") }), echo: STEP_FIELDS },
  async ({ intent }, { formData }) => (intent === "verify" ? verifyCode(formData) : requestCode(formData)),
);

/** "Unlock now": ownership is checked again here (status ticket or full session), never taken from the page. */
export const unlockFromStatusAction = defineFormAction({ schema: z.object({}) }, async () => {
  const userId = await findStatusViewer();
  if (!userId) throw new Refusal("ownership_expired");
  await unlockFromStatus({ db: await getDb(), store: await getCounterStore(), userId, context: await getRequestContext() });
});
