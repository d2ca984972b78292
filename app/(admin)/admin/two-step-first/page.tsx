import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { findAgent } from "@/lib/server/agent/find-agent";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin"))("twoStepFirst.title") };
}

/** Only for an agent the console is still closed to; to anyone else it does not exist. */
export default async function TwoStepFirstPage() {
  if ((await findAgent()).access !== "needs_two_step") notFound();
  const t = await getTranslations("admin.twoStepFirst");
  return (
    <div className="mx-auto max-w-form space-y-5">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <section className="space-y-4 rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200 sm:p-6">
        <p>{t("body")}</p>
        <p>
          <Link href="/account/security" className="font-medium text-brand-700 underline-offset-2 hover:underline">{t("link")}</Link>
        </p>
      </section>
    </div>
  );
}
