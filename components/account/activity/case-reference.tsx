import Link from "next/link";
import { useTranslations } from "next-intl";

/** The case a report opened (or found open), with the way to freeze the account at once. */
export function CaseReference({ reference, alreadyOpen }: { reference: string; alreadyOpen: boolean }) {
  const t = useTranslations("activity.report");
  return (
    <div className="space-y-4">
      <p className="rounded-lg border border-brand-600/30 bg-brand-50 px-3 py-2.5 text-sm text-brand-800" data-testid="case-reference">
        {t.rich(alreadyOpen ? "existing" : "opened", { reference, ref: (chunks) => <strong className="font-semibold tabular-nums">{chunks}</strong> })}
      </p>
      <Link
        href={`/account/freeze?case=${encodeURIComponent(reference)}`}
        className="inline-flex min-h-11 items-center rounded-lg bg-danger-700 px-4 py-2.5 font-medium text-white hover:bg-danger-700/90"
      >
        {t("freezeNow")}
      </Link>
    </div>
  );
}
