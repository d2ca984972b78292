import { getTranslations } from "next-intl/server";
import { WalletTime } from "@/components/ui/wallet-time";
import { describeDevice, maskIp } from "@/lib/describe-device";
import type { HistoryEntry } from "@/lib/server/history/list-security-history";

/** Rows of the sign-in history: what happened, when (China Standard Time), on which device, from which masked IP. */
export async function HistoryList({ entries, label }: { entries: HistoryEntry[]; label: string }) {
  const t = await getTranslations("history");
  if (entries.length === 0) return <p className="text-sm text-ink-muted">{t("empty")}</p>;
  return (
    <ol aria-label={label} className="divide-y divide-slate-200 rounded-lg border border-slate-200" data-testid="history-list">
      {entries.map((entry) => {
        const device = describeDevice(entry.userAgent);
        return (
          <li key={entry.id} className="px-3 py-3 text-sm" data-testid="history-entry">
            <p className="font-medium">
              {t(`events.${entry.type}`)}
              {entry.count > 1 ? ` · ${t("repeated", { count: entry.count })}` : null}
            </p>
            <p className="text-ink-muted">
              <WalletTime at={entry.at} />
            </p>
            <p className="text-ink-muted break-words">
              {device ? `${device.browser} · ${device.os}` : t("unknownDevice")} · {t("ip", { ip: maskIp(entry.ip) ?? t("unknownPlace") })}
            </p>
          </li>
        );
      })}
    </ol>
  );
}
