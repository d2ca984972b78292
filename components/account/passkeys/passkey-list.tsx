"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { WalletTime } from "@/components/ui/wallet-time";
import { removePasskeyAction } from "@/lib/actions/passkeys";
import type { FormState } from "@/lib/error-codes";
import type { PasskeySummary } from "@/lib/passkeys/passkey-summary";

/** The account's passkeys; each has its own small form, so removing works before JavaScript loads too. */
export function PasskeyList({ passkeys }: { passkeys: PasskeySummary[] }) {
  const t = useTranslations("passkeys");
  const te = useTranslations("errors");
  const [state, formAction, pending] = useActionState<FormState, FormData>(removePasskeyAction, {});
  const code = state.code ?? state.fieldErrors?.id?.[0];
  return (
    <div className="space-y-3">
      <Alert id="passkey-list-message" tone={state.ok ? "info" : "error"}>
        {state.ok ? t("removed") : code ? te(code) : null}
      </Alert>
      {passkeys.length === 0 ? (
        <p className="text-sm text-ink-muted">{t("empty")}</p>
      ) : (
        <ul aria-label={t("listLabel")} className="divide-y divide-slate-200 rounded-lg border border-slate-200">
          {passkeys.map((passkey) => (
            <li key={passkey.id} className="flex flex-wrap items-center justify-between gap-3 px-3 py-3">
              <div className="min-w-0 text-sm">
                <p className="font-medium break-words">{passkey.name}</p>
                <p className="text-ink-muted">{t.rich("created", { time: () => <WalletTime at={passkey.createdAt} /> })}</p>
                <p className="text-ink-muted">
                  {passkey.lastUsedAt === null ? t("neverUsed") : t.rich("lastUsed", { time: () => <WalletTime at={passkey.lastUsedAt!} /> })}
                </p>
              </div>
              <form action={formAction}>
                <input type="hidden" name="id" value={passkey.id} />
                <button
                  type="submit"
                  disabled={pending}
                  aria-label={t("removeLabel", { name: passkey.name })}
                  aria-describedby="passkey-list-message"
                  className="min-h-11 rounded-lg border border-slate-300 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-100"
                >
                  {pending ? t("removing") : t("remove")}
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
