"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import type { ErrorCode } from "@/lib/error-codes";
import { looksLikeSecret } from "@/lib/support/looks-like-secret";
import { TICKET_TEXT_MAX } from "@/lib/validation/support";

/**
 * The text box of a ticket or reply, with the screenshots input; as soon as the text looks like a password or a
 * code it warns and asks for a tick before sending (the server asks the same).
 */
export function MessageText({ label, hint, defaultValue = "", errors = [] }: { label: string; hint?: string; defaultValue?: string; errors?: ErrorCode[] }) {
  const t = useTranslations("support.tickets.form");
  const te = useTranslations("errors");
  const [text, setText] = useState(defaultValue);
  const secret = looksLikeSecret(text) || errors.includes("ticket_looks_secret");
  const shown = errors.filter((c) => c !== "ticket_looks_secret").map((c) => te(c));
  return (
    <div className="space-y-4">
      <div className="space-y-1.5">
        <label htmlFor="ticket-body" className="block text-sm font-medium">{label}</label>
        {hint && <p id="ticket-body-hint" className="text-sm text-ink-muted">{hint}</p>}
        <textarea
          id="ticket-body"
          name="body"
          rows={5}
          required
          maxLength={TICKET_TEXT_MAX}
          value={text}
          onChange={(e) => setText(e.target.value)}
          aria-invalid={shown.length ? true : undefined}
          aria-describedby={`${hint ? "ticket-body-hint " : ""}ticket-body-error ticket-body-secret`}
          className={`block w-full rounded-lg border bg-white px-3 py-2 text-base shadow-sm ${shown.length ? "border-danger-700" : "border-slate-300"}`}
        />
        <p id="ticket-body-error" aria-live="polite" className="text-sm text-danger-700">{shown.join(" ")}</p>
      </div>
      <div id="ticket-body-secret" role="status" aria-live="polite">
        {secret && (
          <div className="space-y-2 rounded-lg border border-caution-800/30 bg-caution-50 px-3 py-2.5 text-sm text-caution-800" data-testid="secret-warning">
            <p>{t("secretWarning")}</p>
            <label className="flex items-center gap-2">
              <input type="checkbox" name="confirmNoSecret" required className="size-4" />
              {t("confirmNoSecret")}
            </label>
          </div>
        )}
      </div>
    </div>
  );
}

/** Up to five screenshots; the server decides what they are from their bytes. */
export function ScreenshotsInput({ errors = [] }: { errors?: ErrorCode[] }) {
  const t = useTranslations("support.tickets.form");
  const te = useTranslations("errors");
  return (
    <div className="space-y-1.5">
      <label htmlFor="ticket-screenshots" className="block text-sm font-medium">{t("screenshots")}</label>
      <p id="ticket-screenshots-hint" className="text-sm text-ink-muted">{t("screenshotsHint")}</p>
      <input
        id="ticket-screenshots"
        name="screenshots"
        type="file"
        multiple
        accept="image/png,image/jpeg,image/webp"
        aria-invalid={errors.length ? true : undefined}
        aria-describedby="ticket-screenshots-hint ticket-screenshots-error"
        className="block w-full text-sm file:mr-3 file:min-h-11 file:rounded-lg file:border file:border-slate-300 file:bg-white file:px-3 file:py-2"
      />
      <p id="ticket-screenshots-error" aria-live="polite" className="text-sm text-danger-700" data-testid="screenshots-error">{errors.map((c) => te(c)).join(" ")}</p>
    </div>
  );
}
