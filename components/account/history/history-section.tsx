import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/lib/db";
import { listSecurityHistory } from "@/lib/server/history/list-security-history";
import { HistoryList } from "./history-list";

const INLINE_ROWS = 5;

/** The security page's latest few history rows; the full, paged history has a page of its own. */
export async function HistorySection({ userId }: { userId: string }) {
  const t = await getTranslations("history");
  const { entries } = await listSecurityHistory(await getDb(), { userId, limit: INLINE_ROWS });
  return (
    <section aria-labelledby="history-heading" className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200 sm:p-6">
      <h2 id="history-heading" className="mb-1 font-medium">{t("heading")}</h2>
      <p className="mb-5 text-sm text-ink-muted">{t("intro")}</p>
      <HistoryList entries={entries} label={t("recent")} />
      <p className="mt-4 text-sm">
        <Link href="/account/security/history" className="text-brand-700 underline-offset-2 hover:underline">{t("seeAll")}</Link>
      </p>
    </section>
  );
}
