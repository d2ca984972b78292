import Link from "next/link";
import { getTranslations } from "next-intl/server";

const LINKS = [
  { href: "/admin", key: "search" },
  { href: "/admin/incidents", key: "incidents" },
  { href: "/admin/app-versions", key: "versions" },
] as const;

/** The console's sections, the current one marked for screen readers too. */
export async function ConsoleNav({ current }: { current: (typeof LINKS)[number]["key"] }) {
  const t = await getTranslations("admin.nav");
  return (
    <nav aria-label={t("label")}>
      <ul className="flex flex-wrap gap-x-5 gap-y-2 text-sm">
        {LINKS.map(({ href, key }) => (
          <li key={key}>
            <Link
              href={href}
              aria-current={key === current ? "page" : undefined}
              className={key === current ? "font-semibold text-ink" : "text-brand-700 underline-offset-2 hover:underline"}
            >
              {t(key)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
