import { describe, expect, it } from "vitest";
import { notificationTranslator } from "@/lib/server/notify/translator";
import { fillSecretSlots, secretSlot, secretSlotNames } from "./secret-slot";

// Characters that mean something to ICU message syntax or to a URL, inside the secret and around it.
const link = "http://localhost:3000/reset-password?token=a'b{c}#d&email=x%40y.test";

describe("secret slots", () => {
  it.each(["zh-CN", "en"])("survive next-intl's formatting of every message that carries a secret (%s)", (locale) => {
    const { t } = notificationTranslator(locale);
    const common = { time: "t", until: "u", ip: "ip", device: "d", resetUrl: "r", statusUrl: "s", minutes: 10 };
    const texts = [
      [t("paused.email", { ...common, unlockUrl: secretSlot("unlockUrl") }), "unlockUrl"],
      [t("paused.sms", { ...common, unlockUrl: secretSlot("unlockUrl") }), "unlockUrl"],
      [t("resetLink.email", { ...common, url: secretSlot("url") }), "url"],
      [t("statusCode.email", { ...common, code: secretSlot("code") }), "code"],
      [t("statusCode.sms", { ...common, code: secretSlot("code") }), "code"],
      [t("resetCode.email", { ...common, code: secretSlot("code") }), "code"],
      [t("resetCode.sms", { ...common, code: secretSlot("code") }), "code"],
    ];
    for (const [text, name] of texts) {
      expect(secretSlotNames(text)).toEqual(new Set([name]));
      const filled = fillSecretSlots(text, () => link);
      expect(filled).toContain(link);
      expect(secretSlotNames(filled).size).toBe(0);
    }
  });

  it("fills each slot by its own name, as often as it appears", () => {
    const text = `${secretSlot("a")} ${secretSlot("b")} ${secretSlot("a")}`;
    expect(fillSecretSlots(text, (name) => name.toUpperCase())).toBe("A B A");
  });

  it("takes only plain names", () => {
    for (const name of ["", "a b", "a⟧", "1a", "a-b"]) expect(() => secretSlot(name)).toThrow(/invalid secret name/);
  });
});
