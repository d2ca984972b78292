"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { WalletTime } from "@/components/ui/wallet-time";
import type { AccountStatus } from "@/lib/server/status/get-account-status";

// Reason codes support writes today; any other code still gets words ("other"), never the raw code.
const KNOWN_REASONS = ["risk_review", "suspected_fraud", "lost_device", "compliance_review", "owner_request"];

/** Which account, its state in words, and for a shut account the reason, case reference and how to appeal. */
export function StateSummary({ status }: { status: AccountStatus }) {
  const t = useTranslations("accountStatus");
  const reason = status.frozenReason && KNOWN_REASONS.includes(status.frozenReason) ? status.frozenReason : "other";
  const shut = status.state !== "active";
  return (
    <section aria-labelledby="status-state" className="space-y-3 rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
      <p className="text-sm text-ink-muted" data-testid="status-account">
        {t("accountLine", { who: [status.email, status.mobile].filter(Boolean).join(" · ") })}
      </p>
      <h2 id="status-state" className="text-lg font-semibold" data-testid="status-state">
        {t("stateLine", { state: t(`state.${status.state}`) })}
      </h2>
      <p>{t(`stateHelp.${status.state}`)}</p>
      {shut && (
        <dl className="grid gap-2 text-sm sm:grid-cols-[auto_1fr] sm:gap-x-4">
          {(status.frozenReason || status.state === "frozen") && (
            <>
              <dt className="text-ink-muted">{t("reasonLabel")}</dt>
              <dd data-testid="status-reason">{t(`reasons.${reason}`)}</dd>
            </>
          )}
          {status.caseRef && (
            <>
              <dt className="text-ink-muted">{t("caseRef")}</dt>
              <dd data-testid="status-case-ref" className="font-mono">{status.caseRef}</dd>
            </>
          )}
          {status.frozenAt && (
            <>
              <dt className="text-ink-muted">{t("frozenSince")}</dt>
              <dd>
                <WalletTime at={status.frozenAt} />
              </dd>
            </>
          )}
        </dl>
      )}
      {/* A self-freeze's way back is the unfreeze form; appealing is for a support freeze. */}
      {shut && status.state !== "self_frozen" && (
        <div className="space-y-2 border-t border-slate-100 pt-3">
          <h3 className="font-medium">{t("appealHeading")}</h3>
          <p>{status.caseRef ? t("appeal", { caseRef: status.caseRef }) : t("appealNoRef")}</p>
          <Link href="/support" className="inline-block font-medium text-brand-700 underline">{t("contactSupport")}</Link>
        </div>
      )}
    </section>
  );
}
