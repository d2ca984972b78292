"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { reportTransactionAction } from "@/lib/actions/report-transaction";
import type { ReportTransactionState } from "@/lib/activity/report-state";
import { REPORT_NOTE_MAX } from "@/lib/validation/activity";
import { CaseReference } from "./case-reference";

/** "Report as suspicious": an optional note, then the case reference and the way to freeze. */
export function ReportTransactionForm({ transactionId }: { transactionId: string }) {
  const t = useTranslations("activity.report");
  const te = useTranslations("errors");
  const [state, formAction, pending] = useActionState<ReportTransactionState, FormData>(reportTransactionAction, {});
  if (state.ok && state.reference) return <CaseReference reference={state.reference} alreadyOpen={state.alreadyOpen ?? false} />;
  const noteErrors = state.fieldErrors?.note?.map((c) => te(c));
  const formCode = state.code ?? state.fieldErrors?.id?.[0];
  return (
    <form action={formAction} className="space-y-4" aria-describedby="report-message">
      <Alert id="report-message" tone="error">{formCode ? te(formCode) : null}</Alert>
      <input type="hidden" name="id" value={transactionId} />
      <div className="space-y-1.5">
        <label htmlFor="report-note" className="block text-sm font-medium">{t("note")}</label>
        <p id="report-note-hint" className="text-sm text-ink-muted">{t("noteHint")}</p>
        <textarea
          id="report-note"
          name="note"
          rows={3}
          maxLength={REPORT_NOTE_MAX}
          defaultValue={state.values?.note ?? ""}
          aria-invalid={noteErrors?.length ? true : undefined}
          aria-describedby="report-note-hint report-note-error"
          className={`block w-full rounded-lg border bg-white px-3 py-2 text-base shadow-sm ${noteErrors?.length ? "border-danger-700" : "border-slate-300"}`}
        />
        <p id="report-note-error" aria-live="polite" className="text-sm text-danger-700">{noteErrors?.join(" ")}</p>
      </div>
      <button type="submit" disabled={pending} className="min-h-11 rounded-lg border border-danger-700 bg-white px-4 py-2.5 font-medium text-danger-700 hover:bg-danger-50 disabled:cursor-wait">
        {pending ? t("submitting") : t("submit")}
      </button>
    </form>
  );
}
