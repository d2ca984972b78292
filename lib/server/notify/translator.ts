import "server-only";
import { createTranslator } from "next-intl";
import en from "@/messages/en.json" with { type: "json" };
import zhCN from "@/messages/zh-CN.json" with { type: "json" };
import { DEFAULT_LOCALE, isLocale, type Locale } from "@/i18n/locales";

const MESSAGES = { "zh-CN": zhCN, en } as const;

/** Texts for messages sent outside a request (emails, SMS), in the account's own language. */
export function notificationTranslator(locale: string) {
  const chosen: Locale = isLocale(locale) ? locale : DEFAULT_LOCALE;
  return { locale: chosen, t: createTranslator({ locale: chosen, messages: MESSAGES[chosen], namespace: "notices" }) };
}

