import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { getDb } from "@/lib/db";
import { isUnlockTokenValid } from "@/lib/server/lockout/is-unlock-token-valid";
import { unlockWithLinkAction } from "@/lib/actions/unlock-with-link";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("unlock"))("title"), referrer: "no-referrer" };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function UnlockPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const t = await getTranslations("unlock");
  const token = typeof params.token === "string" ? params.token : "";
  const valid = token.length > 0 && token.length <= 100 && (await isUnlockTokenValid(await getDb(), token));

  return (
    <div className="mx-auto max-w-form space-y-5">
      <h1 className="text-2xl font-semibold">{t("heading")}</h1>
      {params.done === "1" ? (
        <Alert tone="info">{t("done")}</Alert>
      ) : valid ? (
        <form action={unlockWithLinkAction} className="space-y-4">
          <p>{t("explain")}</p>
          <input type="hidden" name="token" value={token} />
          <Button type="submit">{t("button")}</Button>
        </form>
      ) : (
        <Alert tone="error">{t("invalid")}</Alert>
      )}
      <p className="text-sm">
        <Link href="/sign-in" className="text-brand-700 underline">{t("toSignIn")}</Link>
      </p>
    </div>
  );
}
