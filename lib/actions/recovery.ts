"use server";

import { getLocale } from "next-intl/server";
import { getDb } from "@/lib/db";
import { defineFormAction } from "@/lib/server/actions/define-form-action";
import { getCounterStore } from "@/lib/server/counters";
import { requestOneTimeCode } from "@/lib/server/one-time-codes/request-one-time-code";
import { submitRecoveryRequest } from "@/lib/server/recovery/submit-recovery-request";
import { getRequestContext } from "@/lib/server/request-context";
import { recoveryCodeSchema, recoveryRequestSchema } from "@/lib/validation/recovery";

/** Step one of /recover: a code to the new contact, whoever it belongs to. */
export const requestRecoveryCodeAction = defineFormAction({ schema: recoveryCodeSchema, echo: ["contact"] }, async ({ contact }, { formData }) => {
  await requestOneTimeCode({ db: await getDb(), store: await getCounterStore(), identifier: contact, context: await getRequestContext(), purpose: "recovery", locale: await getLocale() });
  return { ok: true, values: { contact: String(formData.get("contact")).slice(0, 300) } };
});

/** Step two: the request itself; the answer is its reference, the same with or without an account. */
export const submitRecoveryAction = defineFormAction(
  { schema: recoveryRequestSchema, echo: ["contact", "account", "registrationMonth", "amount"] },
  async ({ contact, code, account, registrationMonth, amount }, { formData }) => {
    const photo = formData.get("photo");
    const { reference } = await submitRecoveryRequest({
      db: await getDb(),
      store: await getCounterStore(),
      contact,
      code,
      account,
      registrationMonth,
      amount,
      photo: photo instanceof Blob ? photo : null,
      context: await getRequestContext(),
    });
    return { ok: true, values: { reference } };
  },
);
