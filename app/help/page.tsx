import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { HelpOutcome } from "@/components/help/help-outcome";
import { HelpQuestion } from "@/components/help/help-question";
import { getDb } from "@/lib/db";
import { findHelpStep, HELP_START, HELP_STEPS, parentOfHelpStep } from "@/lib/help/troubleshooter";
import { listClientVersionRules } from "@/lib/server/app-versions/list-client-version-rules";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

async function stepOf(searchParams: SearchParams): Promise<string> {
  const { step } = await searchParams;
  return findHelpStep(typeof step === "string" ? step : undefined);
}

export async function generateMetadata({ searchParams }: { searchParams: SearchParams }): Promise<Metadata> {
  const id = await stepOf(searchParams);
  const t = await getTranslations("help");
  return { title: id === HELP_START ? t("title") : t("stepTitle", { step: t(`steps.${id}.title`) }) };
}

/** "Can't sign in?": a guided flow whose state is the URL (?step=…), rendered on the server. */
export default async function HelpPage({ searchParams }: { searchParams: SearchParams }) {
  const id = await stepOf(searchParams);
  const step = HELP_STEPS[id];
  const t = await getTranslations("help");
  const parent = parentOfHelpStep(id);
  const rules = step.kind === "outcome" && step.action === "update" ? await listClientVersionRules(await getDb()) : [];
  return (
    <div className="mx-auto max-w-2xl space-y-5">
      <h1 className="text-2xl font-semibold">{t("heading")}</h1>
      {id === HELP_START && <p className="text-ink-muted">{t("intro")}</p>}
      <section aria-labelledby="help-step" className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200 sm:p-6">
        <h2 id="help-step" className="mb-3 text-lg font-medium">{t(`steps.${id}.title`)}</h2>
        {step.kind === "question" ? <HelpQuestion id={id} answers={step.answers} /> : <HelpOutcome id={id} {...step} rules={rules} />}
      </section>
      {parent && (
        <nav aria-label={t("navLabel")}>
          <ul className="flex flex-wrap gap-x-5 gap-y-2 text-sm">
            <li>
              <Link href={parent === HELP_START ? "/help" : `/help?step=${parent}`} className="text-brand-700 underline-offset-2 hover:underline">{t("back")}</Link>
            </li>
            <li>
              <Link href="/help" className="text-brand-700 underline-offset-2 hover:underline">{t("startAgain")}</Link>
            </li>
          </ul>
        </nav>
      )}
    </div>
  );
}
