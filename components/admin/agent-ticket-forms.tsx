"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { agentCloseTicketAction, agentReplyTicketAction } from "@/lib/actions/agent-tickets";
import type { FormState } from "@/lib/error-codes";
import { TICKET_TEXT_MAX } from "@/lib/validation/support";

const card = "rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200 sm:p-6";

/** The agent's answer; the owner is told by email and SMS that there is one. */
export function AgentTicketReplyForm({ reference }: { reference: string }) {
  const t = useTranslations("admin.tickets");
  const te = useTranslations("errors");
  const [state, formAction, pending] = useActionState<FormState, FormData>(agentReplyTicketAction, {});
  const errors = state.fieldErrors?.body?.map((code) => te(code)) ?? [];
  return (
    <section aria-labelledby="reply-heading" className={card}>
      <h2 id="reply-heading" className="mb-4 font-medium">{t("replyHeading")}</h2>
      <form action={formAction} className="space-y-4">
        <Alert id="reply-message" tone={state.ok ? "info" : "error"}>{state.ok ? t("replied") : state.code ? te(state.code) : null}</Alert>
        <input type="hidden" name="reference" value={reference} />
        <div className="space-y-1.5">
          <label htmlFor="agent-reply" className="block text-sm font-medium">{t("replyLabel")}</label>
          <p id="agent-reply-hint" className="text-sm text-ink-muted">{t("replyHint")}</p>
          <textarea
            id="agent-reply"
            name="body"
            rows={5}
            required
            maxLength={TICKET_TEXT_MAX}
            defaultValue={state.ok ? "" : state.values?.body}
            key={state.ok ? "sent" : "draft"}
            aria-invalid={errors.length ? true : undefined}
            aria-describedby="agent-reply-hint agent-reply-error"
            className={`block w-full rounded-lg border bg-white px-3 py-2 text-base shadow-sm ${errors.length ? "border-danger-700" : "border-slate-300"}`}
          />
          <p id="agent-reply-error" aria-live="polite" className="text-sm text-danger-700">{errors.join(" ")}</p>
        </div>
        <Button type="submit" disabled={pending} aria-busy={pending} aria-describedby="reply-message">{pending ? t("working") : t("replyButton")}</Button>
      </form>
    </section>
  );
}

/** Closing a ticket is a change of the console: it needs a reason. */
export function AgentTicketCloseForm({ reference }: { reference: string }) {
  const t = useTranslations("admin");
  const te = useTranslations("errors");
  const [state, formAction, pending] = useActionState<FormState, FormData>(agentCloseTicketAction, {});
  return (
    <section aria-labelledby="close-heading" className={card}>
      <h2 id="close-heading" className="mb-4 font-medium">{t("tickets.closeHeading")}</h2>
      <form action={formAction} className="space-y-4">
        <Alert id="close-message" tone="error">{state.code ? te(state.code) : null}</Alert>
        <input type="hidden" name="reference" value={reference} />
        <Field id="close-reason" name="reason" label={t("reasonLabel")} hint={t("reasonHint")} errors={state.fieldErrors?.reason?.map((code) => te(code))} defaultValue={state.values?.reason} required maxLength={500} />
        <Button type="submit" variant="secondary" disabled={pending} aria-busy={pending} aria-describedby="close-message">{pending ? t("working") : t("tickets.closeButton")}</Button>
      </form>
    </section>
  );
}
