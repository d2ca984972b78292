import { describe, expect, it } from "vitest";
import { BODY_LIMIT_BYTES, bodyLimitFor } from "./body-limit-for";

describe("bodyLimitFor", () => {
  it("gives /recover room for a 5 MB photo and keeps 1 MB everywhere else", () => {
    expect(bodyLimitFor("/recover")).toBe(6 * 1024 * 1024);
    expect(bodyLimitFor("/recover?step=2")).toBe(6 * 1024 * 1024);
    expect(bodyLimitFor("/recover/other")).toBe(BODY_LIMIT_BYTES);
    expect(bodyLimitFor("/sign-in")).toBe(BODY_LIMIT_BYTES);
    expect(bodyLimitFor(undefined)).toBe(BODY_LIMIT_BYTES);
    expect(bodyLimitFor("/support/new")).toBe(5 * 5 * 1024 * 1024 + BODY_LIMIT_BYTES);
    expect(bodyLimitFor("/support/QN-2026-123456?x=1")).toBe(5 * 5 * 1024 * 1024 + BODY_LIMIT_BYTES);
    expect(bodyLimitFor("/support/new/more")).toBe(BODY_LIMIT_BYTES);
  });
});
