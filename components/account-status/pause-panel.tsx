"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { unlockFromStatusAction } from "@/lib/actions/account-status";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Countdown } from "@/components/ui/countdown";
import { WalletTime } from "@/components/ui/wallet-time";
import { useGuardedFormAction } from "./use-guarded-form-action";

type Props = {
  pausedUntil: number | null;
  shut: boolean;
  /** Must keep its identity between renders: Countdown calls it again whenever it changes at zero. */
  onChanged: () => void;
};

/** The sign-in pause and the ways out of it: unlock now (the code or session proved ownership) or reset the password. */
export function PausePanel({ pausedUntil, shut, onChanged }: Props) {
  const t = useTranslations("accountStatus");
  const te = useTranslations("errors");
  const unlock = useGuardedFormAction(unlockFromStatusAction, onChanged);
  const message = unlock.state.ok ? t("unlocked") : unlock.state.code ? te(unlock.state.code) : null;

  return (
    <section aria-labelledby="status-pause" className="space-y-3 rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
      <h2 id="status-pause" className="font-medium">{t("pauseHeading")}</h2>
      <Alert id="status-unlock-message" tone={unlock.state.ok ? "info" : "error"}>{message}</Alert>
      {pausedUntil ? (
        <div className="space-y-3" data-testid="status-paused">
          <p>
            {t.rich("pausedUntil", {
              time: () => <WalletTime at={pausedUntil} />,
            })}
          </p>
          <p>
            <Countdown key={pausedUntil} until={pausedUntil} onDone={onChanged} />
          </p>
          <p className="text-sm text-ink-muted">{t("unlockHelp")}</p>
          <form action={unlock.formAction} onSubmit={unlock.submit} aria-describedby="status-unlock-message">
            <Button type="submit" disabled={unlock.pending} aria-busy={unlock.pending}>
              {unlock.pending ? t("unlocking") : t("unlock")}
            </Button>
          </form>
        </div>
      ) : (
        <p>{t("notPaused")}</p>
      )}
      {!shut && (
        <nav aria-label={t("waysOut")}>
          <ul className="flex flex-wrap gap-x-5 gap-y-2 text-sm">
            <li>
              <Link href="/forgot-password" className="font-medium text-brand-700 underline">{t("resetPassword")}</Link>
            </li>
            {!pausedUntil && (
              <li>
                <Link href="/sign-in" className="font-medium text-brand-700 underline">{t("signIn")}</Link>
              </li>
            )}
          </ul>
        </nav>
      )}
    </section>
  );
}
