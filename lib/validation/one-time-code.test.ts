import { describe, expect, it } from "vitest";
import { fieldErrorsOf } from "./auth";
import { verifyStatusCodeSchema } from "./one-time-code";

const identifier = "demo@qianneng.test";

function codeErrors(code: unknown) {
  const result = verifyStatusCodeSchema.safeParse({ identifier, code });
  expect(result.success).toBe(false);
  return result.success ? undefined : fieldErrorsOf(result.error).code;
}

describe("verifyStatusCodeSchema", () => {
  it("accepts six digits, folding full-width digits and ignoring spaces", () => {
    expect(verifyStatusCodeSchema.parse({ identifier, code: "123456" }).code).toBe("123456");
    expect(verifyStatusCodeSchema.parse({ identifier, code: " １２３ ４５６ " }).code).toBe("123456");
  });

  it.each([
    [undefined, "code_required"],
    ["", "code_required"],
    ["   ", "code_required"],
    ["12345", "code_format"],
    ["1234567", "code_format"],
    ["12a456", "code_format"],
    [123456, "code_required"],
  ])("%j → %s", (code, expected) => {
    expect(codeErrors(code)).toEqual([expected]);
  });

  it("normalizes the carried identifier", () => {
    expect(verifyStatusCodeSchema.parse({ identifier: "139 0013 9000", code: "123456" }).identifier).toEqual({ kind: "mobile", value: "+8613900139000" });
  });
});
