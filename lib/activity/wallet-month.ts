/** A calendar month in China Standard Time, "YYYY-MM": the months the wallet's records are filtered by. */
export type WalletMonth = `${number}-${number}`;

// China Standard Time is UTC+8 all year (no daylight saving since 1991), so a month starts at a fixed offset.
const CST_OFFSET_MS = 8 * 3_600_000;
const PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isWalletMonth(value: unknown): value is WalletMonth {
  return typeof value === "string" && PATTERN.test(value);
}

function monthFromParts(year: number, monthIndex: number): WalletMonth {
  const d = new Date(Date.UTC(year, monthIndex, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}` as WalletMonth;
}

/** The month a moment falls in, on a Beijing calendar: 2026-01-31 16:00 UTC is already February. */
export function walletMonthOf(at: number): WalletMonth {
  const beijing = new Date(at + CST_OFFSET_MS);
  return monthFromParts(beijing.getUTCFullYear(), beijing.getUTCMonth());
}

/** [start, end) of a month in epoch ms: from its first midnight in Beijing to the next month's. */
export function walletMonthRange(month: WalletMonth): { start: number; end: number } {
  const [year, mm] = month.split("-").map(Number);
  return { start: Date.UTC(year, mm - 1, 1) - CST_OFFSET_MS, end: Date.UTC(year, mm, 1) - CST_OFFSET_MS };
}

/** The month before, e.g. 2026-01 → 2025-12. */
export function previousWalletMonth(month: WalletMonth): WalletMonth {
  const [year, mm] = month.split("-").map(Number);
  return monthFromParts(year, mm - 2);
}
