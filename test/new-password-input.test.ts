// The new-password field as the server renders it: what works before hydration, and what it costs the page.
import { createElement, type ComponentProps } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { NextIntlClientProvider } from "next-intl";
import { describe, expect, it, vi } from "vitest";
import { NewPasswordInput } from "@/components/password/new-password-input";
import en from "@/messages/en.json";
import zhCN from "@/messages/zh-CN.json";

// zxcvbn and its dictionaries (~1.6 MB) must reach the browser only through loadPasswordChecker()'s dynamic import:
// a static import anywhere under the component would load this module and fail the file.
const zxcvbnLoaded = vi.hoisted(() => ({ value: false }));
vi.mock("@zxcvbn-ts/core", () => {
  zxcvbnLoaded.value = true;
  throw new Error("zxcvbn was imported statically by the new-password field");
});

function render(locale: "zh-CN" | "en", composition: "default" | "classic" = "default", errors?: string[]): string {
  const field = createElement(NewPasswordInput, { context: { email: "li.na@qianneng.test", composition }, errors });
  const messages = locale === "en" ? en : zhCN;
  const props: ComponentProps<typeof NextIntlClientProvider> = { locale, messages, timeZone: "Asia/Shanghai", children: field };
  return renderToStaticMarkup(createElement(NextIntlClientProvider, props));
}

describe("NewPasswordInput before hydration", () => {
  it("is a labelled password input with new-password autocomplete, described by its hint, errors and strength", () => {
    const html = render("zh-CN");
    expect(html).toContain('<label for="password" class="block text-sm font-medium">新密码</label>');
    expect(html).toMatch(/<input[^>]*type="password"[^>]*autoComplete="new-password"/i);
    expect(html).toContain('aria-describedby="password-hint password-error password-strength"');
    expect(html).toContain('id="password-strength"');
    expect(html).toContain(zhCN.password.hint);
  });

  it("renders without zxcvbn, which loads only when someone types", () => {
    expect(render("en")).toContain(en.password.label);
    expect(zxcvbnLoaded.value).toBe(false);
  });

  it("states the classic composition rule when the operator turned it on", () => {
    expect(render("en", "classic")).toContain(en.password.hintClassic);
  });

  it("shows the server's errors on the field", () => {
    const html = render("en", "default", [en.errors.password_common]);
    expect(html).toContain('aria-invalid="true"');
    expect(html).toContain(en.errors.password_common);
  });
});
