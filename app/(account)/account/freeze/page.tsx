import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { FreezeAccountForm } from "@/components/freeze/freeze-account-form";
import { Alert } from "@/components/ui/alert";
import { getDb } from "@/lib/db";
import { requireAccount } from "@/lib/server/auth/require-account";
import { findOwnCase } from "@/lib/server/freeze/find-own-case";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("freeze"))("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** 挂失 while signed in: what freezing does, then one confirmed click; `?case=` links it to a reported transaction. */
export default async function FreezePage({ searchParams }: { searchParams: SearchParams }) {
  const { user } = await requireAccount("/account/freeze");
  const t = await getTranslations("freeze");
  const te = await getTranslations("errors");
  const asked = (await searchParams).case;
  const reference = typeof asked === "string" && asked ? asked : null;
  const caseRef = reference ? await findOwnCase(await getDb(), { userId: user.id, reference }) : null;
  return (
    <div className="mx-auto max-w-form space-y-5">
      <p className="text-sm">
        <Link href="/account" className="text-brand-700 underline-offset-2 hover:underline">{t("back")}</Link>
      </p>
      <h1 className="text-2xl font-semibold">{t("heading")}</h1>
      <p>{t("intro")}</p>
      <section aria-labelledby="freeze-what" className="space-y-4 rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200 sm:p-6">
        <h2 id="freeze-what" className="font-medium">{t("whatHeading")}</h2>
        <ul className="list-disc space-y-1 pl-5 text-sm">
          {[0, 1, 2, 3].map((i) => (
            <li key={i}>{t(`what.${i}`)}</li>
          ))}
        </ul>
        {reference && !caseRef && <Alert tone="warning">{te("case_ref_invalid")}</Alert>}
        {caseRef && (
          <p className="text-sm" data-testid="freeze-case">
            {t("caseLine", { caseRef })}
          </p>
        )}
        <FreezeAccountForm caseRef={caseRef} />
      </section>
    </div>
  );
}
