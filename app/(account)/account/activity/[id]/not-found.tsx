import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** An unknown transaction id and another account's look the same. */
export default async function TransactionNotFound() {
  const t = await getTranslations("activity.notFound");
  return (
    <div className="mx-auto max-w-form space-y-4">
      <h1 className="text-2xl font-semibold">{t("heading")}</h1>
      <p className="text-ink-muted">{t("text")}</p>
      <p>
        <Link href="/account/activity" className="font-medium text-brand-700 underline-offset-2 hover:underline">{t("back")}</Link>
      </p>
    </div>
  );
}
