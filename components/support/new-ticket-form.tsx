"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { openTicketAction } from "@/lib/actions/support";
import type { FormState } from "@/lib/error-codes";
import { TICKET_CATEGORIES } from "@/lib/validation/support";
import { MessageText, ScreenshotsInput } from "./message-text";

/** Category, text and screenshots; a success leaves for the new ticket's page. */
export function NewTicketForm({ initialCategory }: { initialCategory?: string }) {
  const t = useTranslations("support.tickets");
  const te = useTranslations("errors");
  const [state, formAction, pending] = useActionState<FormState, FormData>(openTicketAction, {});
  const category = state.values?.category ?? initialCategory ?? "cannot_sign_in";
  return (
    // The key remounts the text box with what the server echoed after a refusal.
    <form key={JSON.stringify(state)} action={formAction} className="space-y-5" aria-describedby="ticket-message">
      <Alert id="ticket-message" tone="error">{state.code ? te(state.code) : null}</Alert>
      <div className="space-y-1.5">
        <label htmlFor="ticket-category" className="block text-sm font-medium">{t("form.category")}</label>
        <select id="ticket-category" name="category" defaultValue={category} className="block min-h-11 w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-base shadow-sm">
          {TICKET_CATEGORIES.map((c) => (
            <option key={c} value={c}>{t(`category.${c}`)}</option>
          ))}
        </select>
      </div>
      <MessageText label={t("form.body")} hint={t("form.bodyHint")} defaultValue={state.values?.body ?? ""} errors={state.fieldErrors?.body} />
      <ScreenshotsInput errors={state.fieldErrors?.screenshots} />
      <Button type="submit" disabled={pending}>{pending ? t("form.submitting") : t("form.submit")}</Button>
    </form>
  );
}
