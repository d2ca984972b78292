import { describe, expect, it } from "vitest";
import { IDENTIFIER_MAX_LENGTH, isIdentifier, normalizeIdentifier } from "./normalize-identifier";

describe("normalizeIdentifier: mainland mobile numbers", () => {
  it.each([
    ["13800138000"],
    ["138 0013 8000"],
    ["+86 138-0013-8000"],
    ["0086 13800138000"],
    ["+8613800138000"],
    ["+86 138.0013.8000"],
    ["１３８００１３８０００"], // full-width digits from a Chinese input method
    ["＋８６ １３８ ００１３ ８０００"],
    ["  13800138000\t"],
  ])("%j → +8613800138000", (raw) => {
    expect(normalizeIdentifier(raw)).toEqual({ kind: "mobile", value: "+8613800138000" });
  });

  it.each([["12800138000"], ["1380013800"], ["138001380001"], ["+86 12345678901"], ["0086 02012345678"]])(
    "rejects the non-mobile number %j",
    (raw) => {
      expect(normalizeIdentifier(raw)).toBe("identifier_invalid");
    },
  );
});

describe("normalizeIdentifier: international mobile numbers", () => {
  it("keeps E.164 for other countries", () => {
    expect(normalizeIdentifier("+44 7700 900123")).toEqual({ kind: "mobile", value: "+447700900123" });
    expect(normalizeIdentifier("0044 7700 900123")).toEqual({ kind: "mobile", value: "+447700900123" });
    expect(normalizeIdentifier("+1 (415) 555-0100")).toEqual({ kind: "mobile", value: "+14155550100" });
  });

  it("rejects numbers too short or too long for E.164", () => {
    expect(normalizeIdentifier("+44 1234")).toBe("identifier_invalid");
    expect(normalizeIdentifier("+1234567890123456")).toBe("identifier_invalid");
    expect(normalizeIdentifier("+0 7700 900123")).toBe("identifier_invalid");
  });
});

describe("normalizeIdentifier: email", () => {
  it("lower-cases and trims", () => {
    expect(normalizeIdentifier("  Demo@QianNeng.TEST  ")).toEqual({ kind: "email", value: "demo@qianneng.test" });
  });

  it("folds a full-width @ and letters", () => {
    expect(normalizeIdentifier("ｄｅｍｏ＠qianneng.test")).toEqual({ kind: "email", value: "demo@qianneng.test" });
  });

  it("keeps plus addressing", () => {
    expect(normalizeIdentifier("lin.xiao+wallet@example.com")).toEqual({ kind: "email", value: "lin.xiao+wallet@example.com" });
  });

  it.each([["a@b"], ["@qianneng.test"], ["demo@"], ["de mo@qianneng.test"], ["demo@@qianneng.test"], ["demo@-bad.test"], ["<demo>@qianneng.test"]])(
    "rejects %j",
    (raw) => {
      expect(normalizeIdentifier(raw)).toBe("identifier_invalid");
    },
  );
});

describe("normalizeIdentifier: problems", () => {
  it("empty or blank → identifier_required", () => {
    expect(normalizeIdentifier("")).toBe("identifier_required");
    expect(normalizeIdentifier("   ")).toBe("identifier_required");
    expect(normalizeIdentifier("\u3000\t\n")).toBe("identifier_required"); // ideographic space folds to a space
  });

  it(`longer than ${IDENTIFIER_MAX_LENGTH} characters → identifier_too_long`, () => {
    const long = `${"a".repeat(250)}@qianneng.test`;
    expect(long.length).toBeGreaterThan(IDENTIFIER_MAX_LENGTH);
    expect(normalizeIdentifier(long)).toBe("identifier_too_long");
    expect(normalizeIdentifier("1".repeat(IDENTIFIER_MAX_LENGTH + 1))).toBe("identifier_too_long");
  });

  it("exactly at the limit is judged on its content, not its length", () => {
    const atLimit = `${"a".repeat(IDENTIFIER_MAX_LENGTH - "@qianneng.test".length)}@qianneng.test`;
    expect(atLimit.length).toBe(IDENTIFIER_MAX_LENGTH);
    expect(normalizeIdentifier(atLimit)).toBe("identifier_invalid"); // > 254, the longest email address
  });

  it.each([["abc"], ["12345"], ["a@b"], ["138-0013-800O"], ["demo"], ["+"], ["00"]])("%j → identifier_invalid", (raw) => {
    expect(normalizeIdentifier(raw)).toBe("identifier_invalid");
  });

  it.each([
    ["U+FFFD (undecodable bytes)", "demo\ufffd@qianneng.test"],
    ["U+FFFD in a number", "138\ufffd00138000"],
    ["NUL", "demo\u0000@qianneng.test"],
    ["a control character inside", "138\u000700138000"],
    ["DEL", "demo\u007f@qianneng.test"],
    ["a line break inside", "demo@qianneng.test\nbcc@evil.test"],
    ["a C1 control character", "demo\u0085@qianneng.test"],
    ["a zero-width space", "de\u200bmo@qianneng.test"],
    ["a bidi override", "\u202edemo@qianneng.test"],
  ])("%s → identifier_invalid", (_label, raw) => {
    expect(normalizeIdentifier(raw)).toBe("identifier_invalid");
  });
});

describe("isIdentifier", () => {
  it("tells results from problems", () => {
    expect(isIdentifier(normalizeIdentifier("13800138000"))).toBe(true);
    expect(isIdentifier(normalizeIdentifier("abc"))).toBe(false);
  });
});
