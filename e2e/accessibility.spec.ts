import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { signIn, useLocaleCookie } from "./helpers";

for (const locale of ["zh-CN", "en"] as const) {
  test(`[user] axe finds no violations on /sign-in and /account (${locale})`, async ({ page }) => {
    await useLocaleCookie(page, locale);
    await page.goto("/sign-in");
    const signInResults = await new AxeBuilder({ page }).analyze();
    expect(signInResults.violations).toEqual([]);

    await signIn(page);
    const accountResults = await new AxeBuilder({ page }).analyze();
    expect(accountResults.violations).toEqual([]);
  });
}

test("[user] a failed sign-in leaves no axe violations", async ({ page }) => {
  await page.goto("/sign-in");
  await page.locator("main form button[type=submit]").click();
  await expect(page.locator("#identifier-error")).not.toBeEmpty();
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations).toEqual([]);
});
