import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { NotMeDone } from "@/components/freeze/not-me-done";
import { NotMeForm } from "@/components/freeze/not-me-form";
import { getDb } from "@/lib/db";
import { findNotMeLink } from "@/lib/server/freeze/find-not-me-link";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("notMe"))("title"), referrer: "no-referrer" };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * "This was not me" from an alert. The GET only looks at the link (mail scanners open links); the button's POST
 * spends it, freezes the account and starts a reset. A used, expired or broken link gets the ways that still work.
 */
export default async function NotMePage({ searchParams }: { searchParams: SearchParams }) {
  const t = await getTranslations("notMe");
  const params = await searchParams;
  if (typeof params.done === "string") {
    const text = (v: string | string[] | undefined) => (typeof v === "string" ? v : undefined);
    return (
      <div className="mx-auto max-w-form space-y-4">
        <h1 className="text-2xl font-semibold">{t("heading")}</h1>
        <NotMeDone outcome={{ freeze: params.done, reset: text(params.reset), to: text(params.to), mobile: text(params.mobile) }} />
      </div>
    );
  }
  const raw = params.token;
  const token = typeof raw === "string" && raw.length <= 200 ? raw : null;
  const link = token ? await findNotMeLink(await getDb(), token) : null;

  if (!token || !link) {
    return (
      <div className="mx-auto max-w-form space-y-4">
        <h1 className="text-2xl font-semibold">{t("invalidHeading")}</h1>
        <p>{t("invalid")}</p>
        <ul className="list-disc space-y-1 pl-5">
          <li>
            <Link href="/account-status" className="font-medium text-brand-700 underline">{t("statusLink")}</Link>
          </li>
          <li>
            <Link href="/forgot-password" className="font-medium text-brand-700 underline">{t("resetLink")}</Link>
          </li>
        </ul>
      </div>
    );
  }
  return (
    <div className="mx-auto max-w-form space-y-4">
      <h1 className="text-2xl font-semibold">{t("heading")}</h1>
      <p>{t("intro", { alert: t(`alerts.${link.alert}`) })}</p>
      <p className="text-sm text-ink-muted">{t("accountLine", { who: link.who })}</p>
      <div className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200 sm:p-6">
        <NotMeForm token={token} />
      </div>
    </div>
  );
}
