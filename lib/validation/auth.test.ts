import { describe, expect, it } from "vitest";
import { fieldErrorsOf, signInSchema } from "./auth";
import { PASSWORD_MAX_LENGTH } from "./limits";

const valid = { identifier: "demo@qianneng.test", password: "Qianneng#2026" };

function errorsOf(input: Record<string, unknown>) {
  const result = signInSchema.safeParse(input);
  expect(result.success).toBe(false);
  return result.success ? {} : fieldErrorsOf(result.error);
}

describe("signInSchema", () => {
  it("accepts valid input and normalizes the identifier", () => {
    const result = signInSchema.parse({ identifier: "138 0013 8000", password: "pw", remember: "on" });
    expect(result).toEqual({
      identifier: { kind: "mobile", value: "+8613800138000" },
      password: "pw",
      remember: true,
      callbackUrl: "/account",
    });
  });

  it("treats a non-string remember or callbackUrl as absent instead of failing the sign-in", () => {
    const result = signInSchema.parse({ ...valid, remember: true, callbackUrl: 5 });
    expect(result.remember).toBe(false);
    expect(result.callbackUrl).toBe("/account");
  });

  it("reads the remember checkbox", () => {
    expect(signInSchema.parse({ ...valid, remember: "true" }).remember).toBe(true);
    expect(signInSchema.parse({ ...valid, remember: "1" }).remember).toBe(true);
    expect(signInSchema.parse({ ...valid, remember: "off" }).remember).toBe(false);
    expect(signInSchema.parse(valid).remember).toBe(false);
  });

  it("reports identifier problems on the identifier field", () => {
    expect(errorsOf({ password: "x" }).identifier).toEqual(["identifier_required"]);
    expect(errorsOf({ ...valid, identifier: "" }).identifier).toEqual(["identifier_required"]);
    expect(errorsOf({ ...valid, identifier: "x".repeat(300) }).identifier).toEqual(["identifier_too_long"]);
    expect(errorsOf({ ...valid, identifier: "abc" }).identifier).toEqual(["identifier_invalid"]);
  });

  it("missing or empty password → password_required", () => {
    expect(errorsOf({ identifier: valid.identifier })).toEqual({ password: ["password_required"] });
    expect(errorsOf({ ...valid, password: "" })).toEqual({ password: ["password_required"] });
  });

  it(`password longer than ${PASSWORD_MAX_LENGTH} → password_too_long`, () => {
    expect(PASSWORD_MAX_LENGTH).toBe(1024);
    expect(signInSchema.safeParse({ ...valid, password: "x".repeat(1024) }).success).toBe(true);
    expect(errorsOf({ ...valid, password: "x".repeat(1025) }).password).toContain("password_too_long");
  });

  it("password containing U+FFFD → password_invalid", () => {
    expect(errorsOf({ ...valid, password: "Qianneng\ufffd2026" })).toEqual({ password: ["password_invalid"] });
  });

  it("a password that is not a string is rejected, not coerced", () => {
    expect(errorsOf({ ...valid, password: 12345678 }).password).toEqual(["password_required"]);
  });

  it("reports several fields at once", () => {
    const errors = errorsOf({ identifier: "", password: "" });
    expect(errors.identifier).toEqual(["identifier_required"]);
    expect(errors.password).toEqual(["password_required"]);
  });
});

describe("signInSchema callbackUrl", () => {
  const callbackOf = (callbackUrl: unknown) => signInSchema.parse({ ...valid, callbackUrl }).callbackUrl;

  it.each([
    ["//evil.test"],
    ["/\\evil.test"],
    ["https://evil.test"],
    ["http://localhost:3000/account"],
    ["javascript:alert(1)"],
    ["account"],
    ["/acc ount"],
    ["/\t/evil.test"],
    [`/${"a".repeat(600)}`],
    [""],
  ])("%j → /account", (callbackUrl) => {
    expect(callbackOf(callbackUrl)).toBe("/account");
  });

  it("keeps same-site paths with their query", () => {
    expect(callbackOf("/account?x=1")).toBe("/account?x=1");
    expect(callbackOf("/account/security#sessions")).toBe("/account/security#sessions");
  });

  it("defaults to /account when absent", () => {
    expect(callbackOf(undefined)).toBe("/account");
  });
});
