import { describe, expect, it } from "vitest";
import { fieldErrorsOf } from "./auth";
import { newPasswordField, newPasswordSchema } from "./password";

const context = { email: "li.na@qianneng.test", mobile: "+8613800138000", name: "李娜", composition: "default" as const };
const STRONG = "correct horse battery staple 钱能";

const errorsOf = (input: unknown) => {
  const parsed = newPasswordSchema(context).safeParse(input);
  return parsed.success ? {} : fieldErrorsOf(parsed.error);
};

describe("newPasswordField", () => {
  it("returns the password NFKC-normalized", () => {
    expect(newPasswordField(context).parse("ｃｏｒｒｅｃｔ horse battery staple 钱能")).toBe(STRONG);
  });

  it("gives the policy's problem codes as messages", () => {
    const parsed = newPasswordField(context).safeParse("LiNa-13800138000");
    expect(parsed.error?.issues.map((i) => i.message)).toEqual(["password_personal"]);
  });

  it("refuses a 2 MB paste as too long, without scoring it", () => {
    const parsed = newPasswordField(context).safeParse("a".repeat(2_000_000));
    expect(parsed.error?.issues.map((i) => i.message)).toEqual(["password_too_long"]);
  });

  it("refuses a missing value as required", () => {
    expect(newPasswordField(context).safeParse(undefined).error?.issues.map((i) => i.message)).toEqual(["password_required"]);
  });

  it("applies the classic composition rule only when asked", () => {
    expect(newPasswordField(context).safeParse(STRONG).success).toBe(true);
    const classic = newPasswordField({ ...context, composition: "classic" }).safeParse(STRONG);
    expect(classic.error?.issues.map((i) => i.message)).toEqual(["password_composition"]);
  });
});

describe("newPasswordSchema", () => {
  it("accepts a strong password typed twice (full-width in one of them)", () => {
    const parsed = newPasswordSchema(context).safeParse({ password: STRONG, confirm: "ｃｏｒｒｅｃｔ horse battery staple 钱能" });
    expect(parsed.data?.password).toBe(STRONG);
  });

  it("puts a differing confirmation on confirm", () => {
    expect(errorsOf({ password: STRONG, confirm: `${STRONG}!` })).toEqual({ confirm: ["password_mismatch"] });
  });

  it("reports a refused password and a mismatch together", () => {
    expect(errorsOf({ password: "123456", confirm: "654321" })).toEqual({
      password: ["password_too_short", "password_common"],
      confirm: ["password_mismatch"],
    });
  });

  it("refuses a missing form", () => {
    expect(errorsOf({})).toEqual({ password: ["password_required"], confirm: ["password_mismatch"] });
  });
});
