import { describe, expect, it } from "vitest";
import { loadPasswordChecker } from "./load-password-checker";
import { PASSWORD_ADVICE, checkPassword, type PasswordContext } from "./policy";

const open: PasswordContext = { composition: "default" };
const classic: PasswordContext = { composition: "classic" };
const owner: PasswordContext = { email: "Zhang.Wei88@QQ.com", mobile: "+8613800138000", name: "Zhang Wei", composition: "default" };
const PASSPHRASE = "correct horse battery staple 钱能";

const problemsOf = (password: string, context = open) => checkPassword(password, context).problems;

describe("length: 8–128 characters after NFKC", () => {
  it("refuses 7 characters and accepts 8", () => {
    expect(problemsOf("k9#Qz!v")).toContain("password_too_short");
    expect(problemsOf("k9#Qz!vW")).not.toContain("password_too_short");
  });

  it("counts full-width and compatibility characters as they normalize", () => {
    expect(problemsOf("ｋ９＃Ｑｚ！ｖ")).toContain("password_too_short"); // 7 full-width → 7
    expect(problemsOf("ﬃ㎒ﬃ")).not.toContain("password_too_short"); // 3 typed → "ffiMHzffi", 9
  });

  it("refuses more than 128 characters, also when NFKC expands a shorter input", () => {
    const body = "Lantern-quiet-7-orbit-".repeat(6);
    expect(problemsOf(body.slice(0, 128))).not.toContain("password_too_long");
    expect(problemsOf(body.slice(0, 129))).toContain("password_too_long");
    expect(problemsOf("㎒".repeat(45))).toContain("password_too_long"); // 45 typed → 135
  });

  it("refuses a huge paste outright, before any scoring", () => {
    const started = performance.now();
    expect(checkPassword("x".repeat(2_000_000), open)).toEqual({ problems: ["password_too_long"], score: 0, advice: [] });
    expect(performance.now() - started).toBeLessThan(200);
  });

  it("names an empty password and characters nobody can type again", () => {
    expect(problemsOf("")).toEqual(["password_required"]);
    expect(problemsOf("lantern\u0000orbit-quiet")).toEqual(["password_invalid"]);
    expect(problemsOf("lantern\ufffdorbit-quiet")).toEqual(["password_invalid"]);
  });
});

describe("common passwords", () => {
  it.each([
    "123456", "5201314", "woaini1314", "qq123456", "1qaz2wsx", "88888888", "147258369", "iloveyou", "abc123456",
    "password", "PASSWORD", "ｐａｓｓｗｏｒｄ", "Password123!", "P@ssw0rd!2024", "Qianneng2026", "QIANNENG@2026",
    "钱能钱包2026", "Sunshine#4471", "!!woaini1314",
  ])("refuses %j, and the meter does not call it strong", (password) => {
    const result = checkPassword(password, open);
    expect(result.problems).toContain("password_common");
    expect(result.problems).not.toContain("password_weak"); // the specific reason is enough
    expect(result.score).toBeLessThanOrEqual(1);
    expect(result.advice).toContain("avoid_common");
  });

  it("does not refuse a long password that merely contains a common word", () => {
    expect(problemsOf("password-lantern-orbit-quietly-7")).not.toContain("password_common");
  });
});

describe("personal information", () => {
  it.each([
    ["the email's local part", "zhang.wei88-rocks!"],
    ["the whole email", "Zhang.Wei88@qq.com!"],
    ["the name, any case", "ZHANGWEI-blue-lantern"],
    ["the name with its space", "Zhang Wei loves lanterns"],
    ["the mobile number", "lantern13800138000"],
    ["the mobile number with +86", "lantern+8613800138000"],
    ["the mobile number's last 8 digits", "orbit00138000lantern"],
    ["the mobile number typed with spaces", "orbit 138 0013 8000"],
    ["full-width digits", "orbit１３８００１３８０００"],
    ["l33t on the name", "Zh4ngW31!orbit9"],
  ])("refuses %s", (_, password) => {
    const result = checkPassword(password, owner);
    expect(result.problems).toContain("password_personal");
    expect(result.score).toBeLessThanOrEqual(1);
    expect(result.advice).toContain("avoid_personal");
  });

  it("refuses a Chinese name", () => {
    expect(problemsOf("张伟的钱包要安全第一", { name: "张伟", composition: "default" })).toContain("password_personal");
  });

  it("the same passwords are fine for someone else", () => {
    expect(problemsOf("lantern13800138000-orbit", open)).not.toContain("password_personal");
    expect(problemsOf("lantern13800138000-orbit", { mobile: "+8613911112222", composition: "default" })).not.toContain("password_personal");
  });
});

describe("strength and composition", () => {
  it("accepts a passphrase with score ≥ 3 and nothing to advise", () => {
    expect(checkPassword(PASSPHRASE, owner)).toEqual({ problems: [], score: 4, advice: [] });
  });

  it.each([
    ["abcdefghijk", "avoid_sequences"],
    ["blueblueblueblue", "avoid_repeats"],
    ["1990-12-31xy", "avoid_dates"],
    ["Abcdef123456", "avoid_predictable_changes"],
  ])("refuses %j as weak, advising %s", (password, advice) => {
    const result = checkPassword(password, open);
    expect(result.score).toBeLessThan(3);
    expect(result.problems).toEqual(["password_weak"]);
    expect(result.advice).toContain(advice);
  });

  it("advises mixing classes for \"password\"", () => {
    const { advice } = checkPassword("password", open);
    expect(advice).toEqual(expect.arrayContaining(["add_upper", "add_digit", "add_symbol", "longer"]));
    expect(advice).not.toContain("add_lower");
  });

  it("classic mode requires upper, lower, digit and symbol; default mode does not", () => {
    expect(problemsOf(PASSPHRASE, classic)).toEqual(["password_composition"]);
    expect(checkPassword(PASSPHRASE, classic).advice).toEqual(["add_upper", "add_digit"]);
    expect(problemsOf(PASSPHRASE, open)).toEqual([]);
    expect(problemsOf("Lantern-orbit-7-quietly", classic)).toEqual([]);
  });

  it("only ever returns advice codes, never zxcvbn's own words", () => {
    for (const password of ["aaaaaaaaaa", "abcdefgh123", "19901231x", "Michael", "drowssap", "j0hnsm1th", "qwerty", "ab12ab12ab12"]) {
      for (const code of checkPassword(password, owner).advice) expect(PASSWORD_ADVICE).toContain(code);
    }
  });
});

it("loadPasswordChecker gives browsers the same checker, loaded once", async () => {
  const check = await loadPasswordChecker();
  expect(check).toBe(checkPassword);
  expect(await loadPasswordChecker()).toBe(check);
});
