import { describe, expect, it } from "vitest";
import { looksLikeSecret } from "./looks-like-secret";

describe("looksLikeSecret", () => {
  it("flags a six-digit code and a password spelled out, in either language", () => {
    expect(looksLikeSecret("The code I got was 482913, it failed")).toBe(true);
    expect(looksLikeSecret("my password is Hunter22!")).toBe(true);
    expect(looksLikeSecret("我的密码是abc12345")).toBe(true);
    expect(looksLikeSecret("验证码：123456")).toBe(true);
  });

  it("leaves amounts, dates, references and plain complaints alone", () => {
    expect(looksLikeSecret("I paid 1,250.00 on 2026-11-03 and case QN-2026-004271 is open")).toBe(false);
    expect(looksLikeSecret("I forgot my password and my phone is lost")).toBe(false);
    expect(looksLikeSecret("转账 100000.50 元没有到账")).toBe(false);
  });
});
