import { useTranslations } from "next-intl";
import { CONNECTION_LIMITS, type Measurements, type Verdict } from "@/lib/help/connection-verdict";

/** Whole units, one decimal under 10 so a 2G link does not read "0 KB/s". */
const readable = (n: number) => (n < 10 ? Math.round(n * 10) / 10 : Math.round(n));

function Figure({ label, testId, children }: { label: string; testId: string; children: React.ReactNode }) {
  return (
    <div className="flex flex-col gap-0.5 sm:flex-row sm:gap-3">
      <dt className="shrink-0 font-medium sm:w-36">{label}</dt>
      <dd data-testid={testId} className="tabular-nums">{children}</dd>
    </div>
  );
}

/** Every figure the check measured, as a definition list, whatever the verdict. */
export function ConnectionFigures({ measured, verdict, downloadTimeoutMs }: { measured: Measurements; verdict: Verdict; downloadTimeoutMs: number }) {
  const t = useTranslations("connection");
  const { download, clockOffsetMs } = measured;
  const kbps = readable(verdict.kbps ?? 0);
  const seconds = Math.round(Math.abs(clockOffsetMs ?? 0) / 1000);
  return (
    <dl aria-label={t("figuresLabel")} className="space-y-2 text-sm">
      <Figure label={t("rttLabel")} testId="connection-rtt">
        {verdict.medianMs === null
          ? t("rttNone")
          : t("rttValue", { median: Math.round(verdict.medianMs), spread: Math.round(verdict.spreadMs ?? 0), answered: verdict.answered, total: measured.pings.length })}
      </Figure>
      <Figure label={t("downloadLabel")} testId="connection-download">
        {verdict.problems.includes("offline")
          ? t("notMeasured")
          : download === null
            ? t("downloadFailed")
            : download.finished
              ? t("downloadValue", { kbps })
              : t("downloadTooSlow", { kbps, seconds: downloadTimeoutMs / 1000 })}
      </Figure>
      <Figure label={t("clockLabel")} testId="connection-clock">
        {clockOffsetMs === null ? t("notMeasured") : seconds === 0 ? t("clockSame") : t(clockOffsetMs < 0 ? "clockAhead" : "clockBehind", { seconds })}
        {clockOffsetMs !== null && Math.abs(clockOffsetMs) > CONNECTION_LIMITS.clockSkewMs && (
          <span className="block font-medium text-danger-700">{t("clockWarning")}</span>
        )}
      </Figure>
      <Figure label={t("cookiesLabel")} testId="connection-cookies">{t(measured.cookies ? "cookiesOn" : "cookiesOff")}</Figure>
      <Figure label={t("javascriptLabel")} testId="connection-javascript">{t("javascriptOn")}</Figure>
      <Figure label={t("serviceLabel")} testId="connection-service">
        {measured.openIncidents === 0 ? t("serviceNone") : t("serviceOpen", { count: measured.openIncidents })}
      </Figure>
    </dl>
  );
}
