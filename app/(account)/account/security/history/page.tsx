import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { HistoryList } from "@/components/account/history/history-list";
import { getDb } from "@/lib/db";
import { requireAccount } from "@/lib/server/auth/require-account";
import { listSecurityHistory } from "@/lib/server/history/list-security-history";
import { encodeHistoryCursor, readHistoryPosition } from "@/lib/validation/history";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("history"))("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function HistoryPage({ searchParams }: Props) {
  const { user } = await requireAccount("/account/security/history");
  const t = await getTranslations("history");
  const db = await getDb();
  const position = readHistoryPosition(await searchParams);
  let page = await listSecurityHistory(db, { userId: user.id, position });
  // A cursor past either end (old bookmark, rows aged out) shows the newest page rather than an empty one.
  if (page.entries.length === 0 && (position.before || position.after)) page = await listSecurityHistory(db, { userId: user.id });
  const link = "text-brand-700 underline-offset-2 hover:underline";
  return (
    <div className="mx-auto max-w-form space-y-5">
      <p className="text-sm">
        <Link href="/account/security" className={link}>{t("back")}</Link>
      </p>
      <h1 className="text-2xl font-semibold">{t("heading")}</h1>
      <section aria-labelledby="history-intro" className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200 sm:p-6">
        <p id="history-intro" className="mb-5 text-sm text-ink-muted">{t("intro")}</p>
        <HistoryList entries={page.entries} label={t("heading")} />
        {page.newer || page.older ? (
          <nav aria-label={t("pages")} className="mt-4 flex justify-between text-sm">
            {page.newer ? <Link href={`/account/security/history?after=${encodeHistoryCursor(page.newer)}`} className={link}>{t("newer")}</Link> : <span />}
            {page.older ? <Link href={`/account/security/history?before=${encodeHistoryCursor(page.older)}`} className={link}>{t("older")}</Link> : <span />}
          </nav>
        ) : null}
      </section>
    </div>
  );
}
