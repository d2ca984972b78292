"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { isLocale, LOCALE_COOKIE } from "@/i18n/locales";
import { getConfig } from "@/lib/config";

/** The language switch: remembers the choice for a year, then shows the same page again. Works without JavaScript. */
export async function setLocale(formData: FormData): Promise<void> {
  const locale = formData.get("locale");
  const h = await headers();
  if (isLocale(locale)) {
    (await cookies()).set(LOCALE_COOKIE, locale, {
      path: "/",
      maxAge: 365 * 86_400,
      sameSite: "lax",
      secure: getConfig().APP_URL.startsWith("https:"),
    });
  }
  redirect(samePagePath(h.get("referer"), h.get("host")));
}

function samePagePath(referer: string | null, host: string | null): string {
  if (!referer || !URL.canParse(referer)) return "/";
  const url = new URL(referer);
  return url.host === host ? `${url.pathname}${url.search}` : "/";
}
