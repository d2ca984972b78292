import { describe, expect, it } from "vitest";
import { maskEmail, maskMobile } from "./mask-identifier";

describe("maskEmail", () => {
  it("keeps the first and last letter of the local part and the whole domain", () => {
    expect(maskEmail("demo@qianneng.test")).toBe("d***o@qianneng.test");
    expect(maskEmail("lin.xiao@example.com")).toBe("l***o@example.com");
  });

  it("shows only the first letter of a very short local part", () => {
    expect(maskEmail("ab@qianneng.test")).toBe("a***@qianneng.test");
    expect(maskEmail("a@qianneng.test")).toBe("a***@qianneng.test");
  });

  it("never reveals the middle of the local part", () => {
    expect(maskEmail("secretname@qianneng.test")).not.toContain("ecretnam");
  });

  it("hides everything when there is no domain", () => {
    expect(maskEmail("not-an-email")).toBe("***");
  });
});

describe("maskMobile", () => {
  it("formats a mainland number with its prefix, first three and last four digits", () => {
    expect(maskMobile("+8613800138000")).toBe("+86 138****8000");
  });

  it("keeps the last four digits of other numbers", () => {
    const masked = maskMobile("+447700900123");
    expect(masked).toBe("+44****0123");
    expect(masked).not.toContain("7700900");
  });
});
