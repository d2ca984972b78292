import { describe, expect, it } from "vitest";
import { describeSendError } from "./describe-send-error";

describe("describeSendError", () => {
  it("names the network error code of a failed fetch", () => {
    const error = new TypeError("fetch failed", { cause: Object.assign(new Error("connect"), { code: "ECONNREFUSED" }) });
    expect(describeSendError(error)).toBe("ECONNREFUSED: fetch failed");
  });

  it("does not repeat a code the message already has", () => {
    const error = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:2525"), { code: "ECONNREFUSED" });
    expect(describeSendError(error)).toBe("connect ECONNREFUSED 127.0.0.1:2525");
  });

  it("blanks URLs, which may carry provider credentials", () => {
    const text = describeSendError(new Error("cannot reach smtps://mailer:s3cret@mail.example.com:465 or https://sms.example/hook?key=abc"));
    expect(text).not.toMatch(/s3cret|key=abc/);
    expect(text).toBe("cannot reach <url> or <url>");
  });

  it("stays short and on one line", () => {
    const text = describeSendError(new Error(`line one\nline two ${"x".repeat(500)}`));
    expect(text.length).toBe(200);
    expect(text).not.toContain("\n");
    expect(describeSendError("plain string")).toBe("plain string");
  });
});
