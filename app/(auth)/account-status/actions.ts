"use server";

import { redirect } from "next/navigation";
import { getDb } from "@/lib/db";
import type { FormState } from "@/lib/error-codes";
import { getCounterStore } from "@/lib/server/counters";
import { getRequestContext } from "@/lib/server/request-context";
import { findStatusViewer } from "@/lib/server/status/find-status-viewer";
import { requestStatusCode } from "@/lib/server/status/request-status-code";
import { unlockFromStatus } from "@/lib/server/status/unlock-from-status";
import { verifyStatusCode } from "@/lib/server/status/verify-status-code";
import { requestStatusCodeSchema, verifyStatusCodeSchema } from "@/lib/validation/account-status";
import { fieldErrorsOf } from "@/lib/validation/auth";

/** The code step's state: `values.step` "code" shows the code form, `values.resendAt` (epoch ms) gates "resend". */
const codeStep = (identifier: string, resendAt: string, extra: FormState = {}): FormState => ({
  ...extra,
  values: { identifier, step: "code", resendAt },
});

const text = (formData: FormData, name: string, max: number) => {
  const v = formData.get(name);
  return typeof v === "string" ? v.slice(0, max) : "";
};

async function requestCode(formData: FormData): Promise<FormState> {
  const typed = text(formData, "identifier", 300);
  // "Send a new code" comes from the code step, whose identifier is a hidden field: stay on that step.
  const fromCodeStep = formData.get("step") === "code";
  const parsed = requestStatusCodeSchema.safeParse({ identifier: formData.get("identifier") ?? undefined });
  if (!parsed.success) return fromCodeStep ? { code: "invalid_input" } : { fieldErrors: fieldErrorsOf(parsed.error), values: { identifier: typed } };
  const [db, store, context] = [await getDb(), await getCounterStore(), await getRequestContext()];
  const result = await requestStatusCode({ db, store, identifier: parsed.data.identifier, context });
  if (!result.ok) {
    const refused: FormState = { code: result.code, until: result.retryAt };
    return fromCodeStep ? codeStep(typed, text(formData, "resendAt", 20), refused) : { ...refused, values: { identifier: typed } };
  }
  return codeStep(parsed.data.identifier.value, String(result.resendAt), { ok: true });
}

async function verifyCode(formData: FormData): Promise<FormState> {
  const identifier = text(formData, "identifier", 300);
  const step = (extra: FormState) => codeStep(identifier, text(formData, "resendAt", 20), extra);
  const parsed = verifyStatusCodeSchema.safeParse({ identifier: formData.get("identifier") ?? undefined, code: formData.get("code") ?? undefined });
  if (!parsed.success) {
    const fieldErrors = fieldErrorsOf(parsed.error);
    // The identifier is a hidden field: if it is bad, the flow starts again rather than showing a field nobody can fix.
    return fieldErrors.identifier ? { code: "invalid_input" } : step({ fieldErrors });
  }
  const [db, store, context] = [await getDb(), await getCounterStore(), await getRequestContext()];
  const result = await verifyStatusCode({ db, store, identifier: parsed.data.identifier, code: parsed.data.code, context });
  if (!result.ok) return step({ code: result.code, until: result.code === "rate_limited" ? result.retryAt : undefined });
  return { ok: true };
}

/** A failing database or mail queue is the service's fault, not the visitor's: say so instead of a 500 page. */
async function orUnavailable(work: () => Promise<FormState>, values?: Record<string, string>): Promise<FormState> {
  try {
    return await work();
  } catch (error) {
    console.error("account status action failed", error);
    return { code: "unavailable", values };
  }
}

/** Both steps of the signed-out flow in one action, so the form works before (and without) JavaScript. */
export async function statusCodeAction(prev: FormState, formData: FormData): Promise<FormState> {
  const verifying = formData.get("intent") === "verify";
  const state = await orUnavailable(() => (verifying ? verifyCode(formData) : requestCode(formData)), prev.values);
  // The ticket cookie is set: the page now shows the status itself.
  if (verifying && state.ok) redirect("/account-status");
  return state;
}

/** "Unlock now": ownership is checked again here, never taken from the page that showed the button. */
export async function unlockAction(_prev: FormState, _formData: FormData): Promise<FormState> {
  return orUnavailable(async () => {
    const userId = await findStatusViewer();
    if (!userId) return { code: "ownership_expired" };
    await unlockFromStatus({ db: await getDb(), store: await getCounterStore(), userId, context: await getRequestContext() });
    return { ok: true };
  });
}
