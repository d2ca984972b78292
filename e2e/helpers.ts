import { expect, type Page } from "@playwright/test";

export const DEMO = { email: "demo@qianneng.test", mobile: "138 0013 8000", password: "Qianneng#2026", name: "林晓" };

/** The form, scoped so Next's route announcer (also role=alert/status) never matches. */
export function signInForm(page: Page) {
  return page.locator("main form").filter({ has: page.locator('input[name="identifier"]') });
}

export async function fillSignIn(page: Page, identifier: string, password: string) {
  const form = signInForm(page);
  await form.locator('input[name="identifier"]').fill(identifier);
  await form.locator('input[name="password"]').fill(password);
  return form;
}

export async function signIn(page: Page, identifier = DEMO.email, password = DEMO.password) {
  await page.goto("/sign-in");
  const form = await fillSignIn(page, identifier, password);
  await form.locator('button[type="submit"]').click();
  await expect(page).toHaveURL(/\/account$/);
}

export function formMessage(page: Page) {
  return page.locator("#sign-in-message");
}

/** A failed sign-in's own words, without the note an open service incident adds (another spec may open one). */
export async function failureText(page: Page): Promise<string> {
  return (await formMessage(page).locator(':scope > div > :not([data-testid="known-incident"])').allInnerTexts()).join("\n");
}

export async function useLocaleCookie(page: Page, locale: "en" | "zh-CN") {
  await page.context().addCookies([{ name: "NEXT_LOCALE", value: locale, domain: "localhost", path: "/" }]);
}

/** On the page a reset link opened: go on to the new-password form, set `password` twice, land back on sign-in. */
export async function setNewPasswordFromLink(page: Page, password: string) {
  await page.getByRole("button", { name: "继续设置新密码" }).click();
  await expect(page).toHaveURL(/\/reset-password$/);
  await page.getByLabel("新密码", { exact: true }).fill(password);
  await page.getByLabel("再次输入新密码").fill(password);
  await page.getByRole("button", { name: "保存新密码" }).click();
  await expect(page).toHaveURL(/\/sign-in\?reset=1/);
}
