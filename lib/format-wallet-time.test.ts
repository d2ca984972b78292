import { describe, expect, it } from "vitest";
import { formatWalletDate, formatWalletTime } from "./format-wallet-time";

// 2026-11-25 06:03:09 UTC is 14:03:09 in China; 20:30 UTC is already the next day there.
const MORNING_UTC = Date.UTC(2026, 10, 25, 6, 3, 9);
const LATE_UTC = Date.UTC(2026, 10, 25, 20, 30);

describe("formatWalletTime", () => {
  it("shows China Standard Time with its name in Chinese", () => {
    expect(formatWalletTime(MORNING_UTC, "zh-CN")).toBe("2026年11月25日 14:03 中国标准时间");
  });

  it("shows China Standard Time with its name in English", () => {
    expect(formatWalletTime(MORNING_UTC, "en")).toBe("Nov 25, 2026, 14:03 China Standard Time");
  });

  it("uses the wallet's zone, not the machine's, for the calendar day", () => {
    expect(formatWalletTime(LATE_UTC, "en")).toBe("Nov 26, 2026, 04:30 China Standard Time");
    expect(formatWalletDate(LATE_UTC, "zh-CN")).toBe("2026年11月26日");
  });

  it("adds seconds on request and accepts a Date", () => {
    expect(formatWalletTime(new Date(MORNING_UTC), "zh-CN", { seconds: true })).toBe("2026年11月25日 14:03:09 中国标准时间");
  });

  it("falls back to Chinese for a language the portal does not offer", () => {
    expect(formatWalletTime(MORNING_UTC, "fr")).toBe(formatWalletTime(MORNING_UTC, "zh-CN"));
  });
});
