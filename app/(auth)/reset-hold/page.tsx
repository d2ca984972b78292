import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ResetHoldStop } from "@/components/reset/reset-hold-stop";
import { Alert } from "@/components/ui/alert";
import { getDb } from "@/lib/db";
import { findResetHoldLink } from "@/lib/server/reset/find-reset-hold-link";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("resetHold"))("title"), referrer: "no-referrer" };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The announcement's "this was not me" link: shows what is waiting and a button that stops it; looking changes nothing. */
export default async function ResetHoldPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const t = await getTranslations("resetHold");
  const token = typeof params.token === "string" ? params.token : "";
  const hold = token.length > 0 && token.length <= 100 ? await findResetHoldLink(await getDb(), token) : null;

  return (
    <div className="mx-auto max-w-form space-y-5">
      <h1 className="text-2xl font-semibold">{t("heading")}</h1>
      {params.done === "1" ? (
        <Alert tone="info">{t("done")}</Alert>
      ) : hold ? (
        <ResetHoldStop token={token} hold={hold} />
      ) : (
        <Alert tone="error">{t("invalid")}</Alert>
      )}
      <p className="flex gap-5 text-sm">
        <Link href="/account-status" className="text-brand-700 underline">{t("toStatus")}</Link>
        <Link href="/sign-in" className="text-brand-700 underline">{t("toSignIn")}</Link>
      </p>
    </div>
  );
}
