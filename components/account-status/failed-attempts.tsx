"use client";

import { useTranslations } from "next-intl";
import { WalletTime } from "@/components/ui/wallet-time";
import type { FailedSignIn } from "@/lib/server/status/get-account-status";

/** The last failed sign-ins: when, from roughly where (masked IP), on what device — so the owner can tell if they were theirs. */
export function FailedAttempts({ failures }: { failures: FailedSignIn[] }) {
  const t = useTranslations("accountStatus");
  return (
    <section aria-labelledby="status-failures" className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
      <h2 id="status-failures" className="font-medium">{t("failuresHeading")}</h2>
      {failures.length === 0 ? (
        <p className="mt-2 text-ink-muted">{t("noFailures")}</p>
      ) : (
        <ul className="mt-2 divide-y divide-slate-100" data-testid="status-failures">
          {failures.map((f, i) => (
            <li key={`${f.at}-${i}`} className="py-2.5">
              <p>
                <WalletTime at={f.at} />
                {f.count > 1 ? ` · ${t("repeated", { count: f.count })}` : null}
              </p>
              <p className="text-sm text-ink-muted">
                {f.ip ? t("fromIp", { ip: f.ip }) : t("unknownIp")} · {f.device ? t("device", f.device) : t("unknownDevice")}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
