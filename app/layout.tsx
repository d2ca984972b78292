import type { Metadata, Viewport } from "next";
import Link from "next/link";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import { SiteHeader } from "@/components/layout/site-header";
import { VersionSkewNotice } from "@/components/layout/version-skew-notice";
import { runningBuildId } from "@/lib/server/build-id";
import { brand } from "@/tailwind.config";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("meta");
  return {
    title: t("signInTitle"),
    description: t("description"),
    icons: {
      icon: [{ url: "/favicon.ico", sizes: "48x48" }, { url: "/icon.svg", type: "image/svg+xml" }],
      apple: "/apple-touch-icon.png",
    },
  };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: brand[600] };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = await getLocale();
  const t = await getTranslations("common");
  return (
    <html lang={locale}>
      <body className="min-h-dvh flex flex-col">
        <NextIntlClientProvider>
          <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-10 focus:rounded focus:bg-white focus:px-3 focus:py-2">
            {t("skipToContent")}
          </a>
          <SiteHeader />
          <main id="main" className="flex-1 w-full px-4 py-6 sm:py-10">
            {children}
            <VersionSkewNotice buildId={runningBuildId()} />
          </main>
          <footer className="space-y-2 px-4 py-6 text-center text-sm text-ink-muted">
            <nav aria-label={t("footerNav")}>
              <ul className="flex flex-wrap justify-center gap-x-5 gap-y-1">
                <li><Link href="/help" className="text-brand-700 underline-offset-2 hover:underline">{t("help")}</Link></li>
                <li><Link href="/status" className="text-brand-700 underline-offset-2 hover:underline">{t("status")}</Link></li>
                <li><Link href="/support" className="text-brand-700 underline-offset-2 hover:underline">{t("support")}</Link></li>
              </ul>
            </nav>
            <p>{t("footer")}</p>
          </footer>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
