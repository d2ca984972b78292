import type { createFormatter } from "next-intl";

/** Signed CNY, "+¥1,234.00" / "-¥12.50", through next-intl's formatter so it follows the page's language. */
export function formatAmount(format: Pick<ReturnType<typeof createFormatter>, "number">, cents: number, currency = "CNY"): string {
  return format.number(cents / 100, { style: "currency", currency, signDisplay: "exceptZero" });
}
