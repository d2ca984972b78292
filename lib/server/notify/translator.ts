import "server-only";
import { createTranslator } from "next-intl";
import en from "@/messages/en.json";
import zhCN from "@/messages/zh-CN.json";
import { DEFAULT_LOCALE, isLocale, type Locale } from "@/i18n/locales";

const MESSAGES = { "zh-CN": zhCN, en } as const;

/** Texts for messages sent outside a request (emails, SMS), in the account's own language. */
export function notificationTranslator(locale: string) {
  const chosen: Locale = isLocale(locale) ? locale : DEFAULT_LOCALE;
  return { locale: chosen, t: createTranslator({ locale: chosen, messages: MESSAGES[chosen], namespace: "notices" }) };
}

/** A time as the owner reads it: their language, China Standard Time (the wallet's home zone). */
export function formatNoticeTime(locale: Locale, at: number): string {
  const options = { year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "Asia/Shanghai", timeZoneName: "short" } as const;
  return new Intl.DateTimeFormat(locale, options).format(at);
}
