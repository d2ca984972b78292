import { DEFAULT_LOCALE, isLocale, type Locale } from "@/i18n/locales";

/**
 * Every time the portal shows — on a page, in an email or an SMS — is China Standard Time with its zone
 * named, so the server's rendering, the browser's and a notice about the same moment read alike.
 */
export const WALLET_TIME_ZONE = "Asia/Shanghai";

const formats = new Map<string, Intl.DateTimeFormat>();

function dateTimeFormat(locale: Locale, withTime: boolean, seconds: boolean): Intl.DateTimeFormat {
  const key = `${locale}|${withTime}|${seconds}`;
  let format = formats.get(key);
  if (!format) {
    const time = withTime ? ({ hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZoneName: "long" } as const) : {};
    format = new Intl.DateTimeFormat(locale, { year: "numeric", month: "short", day: "numeric", ...time, ...(seconds ? { second: "2-digit" } : {}), timeZone: WALLET_TIME_ZONE });
    formats.set(key, format);
  }
  return format;
}

function toLocale(locale: string): Locale {
  return isLocale(locale) ? locale : DEFAULT_LOCALE;
}

/** "2026年11月25日" / "Nov 25, 2026": the calendar day in China Standard Time. */
export function formatWalletDate(at: number | Date, locale: string): string {
  return dateTimeFormat(toLocale(locale), false, false).format(at);
}

/** "2026年11月25日 14:03 中国标准时间" / "Nov 25, 2026, 14:03 China Standard Time" (`seconds` adds ":09"). */
export function formatWalletTime(at: number | Date, locale: string, { seconds = false }: { seconds?: boolean } = {}): string {
  const chosen = toLocale(locale);
  const parts = dateTimeFormat(chosen, true, seconds).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  // Assembled here rather than in the locale's own pattern (zh puts the zone before the clock), same order everywhere.
  const clock = [part("hour"), part("minute"), ...(seconds ? [part("second")] : [])].join(":");
  const date = formatWalletDate(at, chosen);
  return chosen === "en" ? `${date}, ${clock} ${part("timeZoneName")}` : `${date} ${clock} ${part("timeZoneName")}`;
}

/** "2026年3月" / "March 2026": a month of the Beijing calendar, as the transaction filter names it. */
export function formatWalletMonth(month: `${number}-${number}`, locale: string): string {
  const [year, mm] = month.split("-").map(Number);
  // Mid-month noon UTC is inside the same month in Beijing whatever the offset.
  return new Intl.DateTimeFormat(toLocale(locale), { year: "numeric", month: "long", timeZone: WALLET_TIME_ZONE }).format(Date.UTC(year, mm - 1, 15, 12));
}
