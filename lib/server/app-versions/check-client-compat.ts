import "server-only";
import type { Kysely } from "kysely";
import { createTranslator } from "next-intl";
import { clientCompatStatus, type ClientCompatStatus } from "@/lib/app-versions/client-compat-status";
import type { Database } from "@/lib/db/schema";
import type { Locale } from "@/i18n/locales";
import type { ClientCompatFieldError, ClientCompatQuery } from "@/lib/validation/client-compat";
import en from "@/messages/en.json" with { type: "json" };
import zhCN from "@/messages/zh-CN.json" with { type: "json" };
import { findClientVersionRule } from "./find-client-version-rule";

export type ClientCompatAnswer = { status: ClientCompatStatus; minimum: string | null; latest: string | null; updateUrl: string | null; message: string };
export type ClientCompatRefusal = { error: "invalid_query"; message: string; fields: Record<string, string> };

const MESSAGES = { "zh-CN": zhCN, en } as const;
const translator = (locale: Locale) => createTranslator({ locale, messages: MESSAGES[locale], namespace: "clientCompat" });

/** An app's version against its platform's rule, worded in the app's language; no rule means nothing to update. */
export async function checkClientCompat({ db, query, locale }: { db: Kysely<Database>; query: ClientCompatQuery; locale: Locale }): Promise<ClientCompatAnswer> {
  const rule = await findClientVersionRule(db, query.platform);
  if (!rule) return { status: "ok", minimum: null, latest: null, updateUrl: null, message: translator(locale)("upToDate") };
  const status = clientCompatStatus({ version: query.version, minimum: rule.minimum, latest: rule.latest });
  const message = status === "ok" ? translator(locale)("upToDate") : locale === "en" ? rule.message.en : rule.message.zh;
  return { status, minimum: rule.minimum, latest: rule.latest, updateUrl: rule.updateUrl, message };
}

/** A refused query, each bad field with its own sentence. */
export function clientCompatRefusal(fields: Record<string, ClientCompatFieldError>, locale: Locale): ClientCompatRefusal {
  const t = translator(locale);
  return { error: "invalid_query", message: t("invalidQuery"), fields: Object.fromEntries(Object.entries(fields).map(([field, code]) => [field, t(`fields.${code}`)])) };
}
