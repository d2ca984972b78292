import { describe, expect, it } from "vitest";
import { CASE_REFERENCE_PATTERN, issueCaseReference } from "./issue-case-reference";

describe("issueCaseReference", () => {
  it("is QN-, the year in Beijing, and six random digits", () => {
    expect(issueCaseReference(Date.UTC(2026, 11, 31, 15, 59))).toMatch(/^QN-2026-\d{6}$/);
    expect(issueCaseReference(Date.UTC(2026, 11, 31, 16, 0))).toMatch(/^QN-2027-\d{6}$/);
    const many = Array.from({ length: 200 }, () => issueCaseReference(Date.UTC(2026, 5, 1)));
    expect(many.every((r) => CASE_REFERENCE_PATTERN.test(r))).toBe(true);
    // Random, not a counter: 200 draws from a million rarely repeat and are not in sequence.
    expect(new Set(many).size).toBeGreaterThan(195);
  });
});
