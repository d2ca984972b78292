"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { isLocale, LOCALE_COOKIE } from "@/i18n/locales";
import { getConfig } from "@/lib/config";
import { safeReturnPath } from "@/lib/safe-return-path";
import { defineFormAction } from "@/lib/server/actions/define-form-action";

/** The language switch: remembers the choice for a year, then shows the same page again. Works without JavaScript. */
export const setLocaleAction = defineFormAction({ schema: z.object({ locale: z.unknown() }) }, async ({ locale }) => {
  const { APP_URL } = getConfig();
  if (isLocale(locale)) {
    (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", maxAge: 365 * 86_400, sameSite: "lax", secure: APP_URL.startsWith("https:") });
  }
  // The Referer comes from the client: only a path on this site is followed.
  redirect(safeReturnPath((await headers()).get("referer"), "/", APP_URL));
});
