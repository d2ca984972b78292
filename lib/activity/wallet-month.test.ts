import { describe, expect, it } from "vitest";
import { isWalletMonth, previousWalletMonth, walletMonthOf, walletMonthRange } from "./wallet-month";

describe("wallet months (China Standard Time)", () => {
  it("a month begins at midnight in Beijing, which is 16:00 UTC the day before", () => {
    expect(walletMonthOf(Date.UTC(2026, 0, 31, 15, 59, 59, 999))).toBe("2026-01");
    expect(walletMonthOf(Date.UTC(2026, 0, 31, 16, 0, 0, 0))).toBe("2026-02");
    expect(walletMonthOf(Date.UTC(2025, 11, 31, 16, 0))).toBe("2026-01");
    expect(walletMonthRange("2026-02")).toEqual({ start: Date.UTC(2026, 0, 31, 16), end: Date.UTC(2026, 1, 28, 16) });
    expect(walletMonthRange("2025-12")).toEqual({ start: Date.UTC(2025, 10, 30, 16), end: Date.UTC(2025, 11, 31, 16) });
  });

  it("steps back across a year", () => {
    expect(previousWalletMonth("2026-01")).toBe("2025-12");
    expect(previousWalletMonth("2026-11")).toBe("2026-10");
  });

  it("accepts only YYYY-MM with a real month", () => {
    for (const ok of ["2026-01", "1999-12"]) expect(isWalletMonth(ok)).toBe(true);
    for (const bad of ["2026-13", "2026-00", "2026-1", "26-01", "2026-01-01", "", 202601, null]) expect(isWalletMonth(bad)).toBe(false);
  });
});
