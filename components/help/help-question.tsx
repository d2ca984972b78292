import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { HelpAnswer } from "@/lib/help/troubleshooter";

/** One question; each answer is a plain link to the next step, so the flow works without JavaScript. */
export async function HelpQuestion({ id, answers }: { id: string; answers: readonly HelpAnswer[] }) {
  const t = await getTranslations("help.steps");
  return (
    <div className="space-y-4">
      <p id="help-question" className="font-medium">{t(`${id}.question`)}</p>
      <ul aria-labelledby="help-question" className="space-y-2">
        {answers.map((answer) => (
          <li key={answer.key}>
            <Link
              href={`/help?step=${answer.next}`}
              className="flex min-h-11 items-center rounded-lg bg-white px-4 py-2.5 shadow-sm ring-1 ring-slate-200 hover:bg-brand-50 hover:ring-brand-600/40"
            >
              {t(`${id}.answers.${answer.key}`)}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
