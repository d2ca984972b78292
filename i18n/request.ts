import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { WALLET_TIME_ZONE } from "@/lib/format-wallet-time";
import { isLocale, LOCALE_COOKIE, localeFromAcceptLanguage } from "./locales";

export default getRequestConfig(async () => {
  const fromCookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale = isLocale(fromCookie) ? fromCookie : localeFromAcceptLanguage((await headers()).get("accept-language"));
  return {
    locale,
    messages: (await import(`../messages/${locale}.json`)).default,
    timeZone: WALLET_TIME_ZONE,
  };
});
