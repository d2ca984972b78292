"use client";

import Link from "next/link";
import { useCallback, useState } from "react";
import { useTranslations } from "next-intl";
import { useQuery } from "@tanstack/react-query";
import { Alert } from "@/components/ui/alert";
import type { AccountStatus } from "@/lib/server/status/get-account-status";
import { FailedAttempts } from "./failed-attempts";
import { fetchAccountStatus } from "./fetch-account-status";
import { FreezePanel } from "./freeze-panel";
import { PausePanel } from "./pause-panel";
import { StateSummary } from "./state-summary";
import { UnfreezePanel } from "./unfreeze-panel";

export const STATUS_POLL_MS = 15_000;

/** The status, rendered first from the server's data and then kept fresh by polling /api/account-status. */
export function StatusView({ initial }: { initial: AccountStatus }) {
  const t = useTranslations("accountStatus");
  const te = useTranslations("errors");
  const query = useQuery<AccountStatus | null>({
    queryKey: ["account-status"],
    queryFn: fetchAccountStatus,
    initialData: initial,
    refetchInterval: (q) => (q.state.data === null ? false : STATUS_POLL_MS),
  });
  const { refetch } = query;
  const refresh = useCallback(() => void refetch(), [refetch]);
  const [unfrozen, setUnfrozen] = useState(false);
  const onUnfrozen = useCallback(() => {
    setUnfrozen(true);
    void refetch();
  }, [refetch]);
  const status = query.data;

  if (status === null) {
    return (
      <div className="space-y-3">
        <Alert tone="warning">{te("ownership_expired")}</Alert>
        {/* A full page load: the server then shows step one again. */}
        <a href="/account-status" className="font-medium text-brand-700 underline">{t("verifyAgain")}</a>
      </div>
    );
  }
  return (
    <div className="space-y-5">
      <Alert tone="warning">{query.isRefetchError ? t("refreshFailed") : null}</Alert>
      <Alert tone="info">{unfrozen && status.state === "active" ? t("unfrozen") : null}</Alert>
      <StateSummary status={status} />
      {status.state === "self_frozen" && status.unfreezeProofs && (
        <UnfreezePanel proofs={status.unfreezeProofs} email={status.email} mobile={status.mobile} onUnfrozen={onUnfrozen} />
      )}
      <PausePanel pausedUntil={status.pausedUntil} shut={status.state !== "active"} onChanged={refresh} />
      {status.state === "active" && <FreezePanel onChanged={refresh} />}
      <FailedAttempts failures={status.recentFailures} />
      <p className="text-sm">
        <Link href="/help" className="font-medium text-brand-700 underline underline-offset-2">{t("help")}</Link>
      </p>
    </div>
  );
}
