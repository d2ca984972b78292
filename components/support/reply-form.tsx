"use client";

import { useActionState, useEffect } from "react";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { replyTicketAction } from "@/lib/actions/support";
import type { FormState } from "@/lib/error-codes";
import { MessageText, ScreenshotsInput } from "./message-text";

/** The owner's next message; once sent, the conversation refreshes at once. */
export function ReplyForm({ reference, onSent }: { reference: string; onSent: () => void }) {
  const t = useTranslations("support.tickets");
  const te = useTranslations("errors");
  const [state, formAction, pending] = useActionState<FormState, FormData>(replyTicketAction, {});
  useEffect(() => {
    if (state.ok) onSent();
  }, [state, onSent]);
  return (
    <form key={JSON.stringify(state)} action={formAction} className="space-y-4 rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200" aria-describedby="reply-message">
      <Alert id="reply-message" tone={state.code ? "error" : "info"}>{state.code ? te(state.code) : state.ok ? t("ticket.sent") : null}</Alert>
      <input type="hidden" name="reference" value={reference} />
      <MessageText label={t("ticket.reply")} defaultValue={state.values?.body ?? ""} errors={state.fieldErrors?.body} />
      <ScreenshotsInput errors={state.fieldErrors?.screenshots} />
      <button type="submit" disabled={pending} className="min-h-11 rounded-lg bg-brand-600 px-4 py-2.5 font-medium text-white hover:bg-brand-700 disabled:cursor-wait">
        {pending ? t("ticket.sending") : t("ticket.sendReply")}
      </button>
    </form>
  );
}
