import { describe, expect, it } from "vitest";
import { retryDelayMs } from "./retry-delay";

const middle = () => 0.5;

describe("retryDelayMs", () => {
  it("doubles from 5 s with every failed try", () => {
    expect([1, 2, 3, 4, 5, 6].map((n) => retryDelayMs(n, middle))).toEqual([5_000, 10_000, 20_000, 40_000, 80_000, 160_000]);
  });

  it("never waits more than 10 minutes", () => {
    expect(retryDelayMs(8, middle)).toBe(600_000);
    expect(retryDelayMs(12, () => 1)).toBe(600_000);
    expect(retryDelayMs(60, middle)).toBe(600_000);
  });

  it("spreads retries by ±10 % so an outage's messages do not all retry at once", () => {
    expect(retryDelayMs(1, () => 0)).toBe(4_500);
    expect(retryDelayMs(1, () => 0.999_999)).toBe(5_500);
    const delays = new Set(Array.from({ length: 20 }, () => retryDelayMs(3)));
    expect(delays.size).toBeGreaterThan(1);
    for (const d of delays) expect(d).toBeGreaterThanOrEqual(18_000);
  });
});
