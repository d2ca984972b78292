import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("repair"))("title") };
}

const CONSEQUENCES = ["signOut", "clear", "account", "newDevice"] as const;

/** What repairing does, then one plain form: it works without JavaScript, which a broken browser may lack. */
export default async function RepairBrowserPage() {
  const t = await getTranslations("repair");
  return (
    <div className="mx-auto max-w-form">
      <h1 className="text-2xl font-semibold">{t("heading")}</h1>
      <p className="mt-2 text-ink-muted">{t("intro")}</p>
      <section aria-labelledby="repair-what" className="mt-6 rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200 sm:p-6">
        <h2 id="repair-what" className="font-medium">{t("whatHeading")}</h2>
        <ul className="mt-3 list-disc space-y-2 pl-5">
          {CONSEQUENCES.map((key) => (
            <li key={key}>{t(key)}</li>
          ))}
        </ul>
        <form method="post" action="/api/repair-browser" className="mt-6">
          <Button type="submit">{t("confirm")}</Button>
        </form>
      </section>
      <p className="mt-5 text-center text-sm">
        <Link href="/help" className="text-brand-700 underline-offset-2 hover:underline">{t("cancel")}</Link>
      </p>
    </div>
  );
}
