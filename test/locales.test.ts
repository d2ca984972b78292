import { describe, expect, it } from "vitest";
import { isLocale, localeFromAcceptLanguage } from "@/i18n/locales";

describe("localeFromAcceptLanguage", () => {
  it.each([
    ["zh-TW,zh", "zh-CN"],
    ["zh-CN,zh;q=0.9,en;q=0.8", "zh-CN"],
    ["en-US", "en"],
    ["EN-GB", "en"],
    ["en-US,en;q=0.9,zh-CN;q=0.8", "en"],
    ["fr, en;q=0.5", "en"],
    ["fr-FR,fr;q=0.9,zh-HK;q=0.4", "zh-CN"],
    ["fr, de", "zh-CN"],
    ["*", "zh-CN"],
    ["", "zh-CN"],
  ])("%j → %s", (header, expected) => {
    expect(localeFromAcceptLanguage(header)).toBe(expected);
  });

  it("null → zh-CN", () => {
    expect(localeFromAcceptLanguage(null)).toBe("zh-CN");
  });

  it("follows q values, not the order written", () => {
    expect(localeFromAcceptLanguage("zh;q=0.5, en;q=0.9")).toBe("en");
    expect(localeFromAcceptLanguage("en;q=0.5, zh;q=0.9")).toBe("zh-CN");
    expect(localeFromAcceptLanguage("en;q=0.1, fr, zh-CN;q=0.2")).toBe("zh-CN");
  });

  it("reads q values written with spaces, and never picks a q=0 language", () => {
    expect(localeFromAcceptLanguage("en; q=0.1, zh;q=0.5")).toBe("zh-CN");
    expect(localeFromAcceptLanguage("zh;q=0, en")).toBe("en");
    expect(localeFromAcceptLanguage("fr, en;q=0")).toBe("zh-CN");
  });

  it("keeps the written order between equal q values", () => {
    expect(localeFromAcceptLanguage("en, zh")).toBe("en");
    expect(localeFromAcceptLanguage("zh, en")).toBe("zh-CN");
  });
});

describe("isLocale", () => {
  it("accepts only our locales", () => {
    expect(isLocale("zh-CN")).toBe(true);
    expect(isLocale("en")).toBe(true);
    expect(isLocale("zh-TW")).toBe(false);
    expect(isLocale(undefined)).toBe(false);
  });
});
