import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("help"))("title") };
}

// Each cause of a failed sign-in and the page that deals with it (none for the two the user fixes on their side).
const CAUSES = [
  { key: "forgot", href: "/forgot-password" },
  { key: "paused", href: "/account-status" },
  { key: "network", href: null },
  { key: "app", href: null },
  { key: "recover", href: "/recover" },
  { key: "support", href: "/support" },
] as const;

/** "Can't sign in?": the common causes, each with the step that gets the user back in. */
export default async function HelpPage() {
  const t = await getTranslations("help");
  return (
    <div className="mx-auto max-w-2xl space-y-5">
      <h1 className="text-2xl font-semibold">{t("heading")}</h1>
      <p className="text-ink-muted">{t("intro")}</p>
      {CAUSES.map(({ key, href }) => (
        <section key={key} aria-labelledby={`help-${key}`} className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
          <h2 id={`help-${key}`} className="font-medium">{t(`${key}Heading`)}</h2>
          <p className="mt-1.5">{t(`${key}Text`)}</p>
          {href && (
            <p className="mt-3">
              <Link href={href} className="font-medium text-brand-700 underline-offset-2 hover:underline">{t(`${key}Action`)}</Link>
            </p>
          )}
        </section>
      ))}
    </div>
  );
}
