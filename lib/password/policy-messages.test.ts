import { describe, expect, it } from "vitest";
import { ERROR_CODES } from "@/lib/error-codes";
import en from "@/messages/en.json";
import zhCN from "@/messages/zh-CN.json";
import { PASSWORD_ADVICE, PASSWORD_PROBLEMS } from "./policy-codes";

// Codes the set-password forms show besides the policy's own problems.
const FORM_CODES = ["password_mismatch", "password_reused"];

describe.each([
  ["zh-CN", zhCN],
  ["en", en],
])("%s messages for the password policy", (_, messages) => {
  it("word every advice code, and nothing else", () => {
    expect(Object.keys(messages.password.advice).sort()).toEqual([...PASSWORD_ADVICE].sort());
  });

  it("word every problem code in the password namespace and under errors", () => {
    const codes = [...PASSWORD_PROBLEMS, ...FORM_CODES];
    expect(Object.keys(messages.password.problems).sort()).toEqual([...codes].sort());
    for (const code of codes) expect(messages.errors).toHaveProperty(code);
  });

  it("name all five scores", () => {
    expect(Object.keys(messages.password.score)).toEqual(["veryWeak", "weak", "fair", "good", "strong"]);
  });
});

it("every problem code is an error code", () => {
  for (const code of [...PASSWORD_PROBLEMS, ...FORM_CODES]) expect(ERROR_CODES).toContain(code);
});
