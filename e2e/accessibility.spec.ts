import { axeViolations } from "./support/axe";
import { expect, test } from "@playwright/test";
import { signIn, useLocaleCookie } from "./helpers";

for (const locale of ["zh-CN", "en"] as const) {
  test(`[user] axe finds no violations on /sign-in and /account (${locale})`, async ({ page }) => {
    await useLocaleCookie(page, locale);
    await page.goto("/sign-in");
    const signInResults = await axeViolations(page);
    expect(signInResults).toEqual([]);

    await signIn(page);
    const accountResults = await axeViolations(page);
    expect(accountResults).toEqual([]);
  });
}

for (const locale of ["zh-CN", "en"] as const) {
  test(`[visitor] axe finds no violations on /support and /help (${locale})`, async ({ page }) => {
    await useLocaleCookie(page, locale);
    for (const path of ["/support", "/help"]) {
      await page.goto(path);
      await expect(page.locator("html")).toHaveAttribute("lang", locale);
      expect(await axeViolations(page)).toEqual([]);
    }
  });
}

test("[user] a failed sign-in leaves no axe violations", async ({ page }) => {
  await page.goto("/sign-in");
  await page.locator("main form button[type=submit]").click();
  await expect(page.locator("#identifier-error")).not.toBeEmpty();
  const results = await axeViolations(page);
  expect(results).toEqual([]);
});

test("[locked-out] axe finds no violations on the paused sign-in, /account-status and /unlock", async ({ page }) => {
  await page.goto("/sign-in");
  const form = page.locator("main form").filter({ has: page.locator('input[name="identifier"]') });
  await form.locator('input[name="identifier"]').fill("paused@qianneng.test");
  await form.locator('input[name="password"]').fill("Qianneng#2026");
  await form.locator('button[type="submit"]').click();
  await expect(page.locator("#sign-in-message")).toContainText("登录已暂停");
  expect(await axeViolations(page)).toEqual([]);

  await page.goto("/account-status");
  expect(await axeViolations(page)).toEqual([]);

  await page.goto("/unlock?token=not-a-real-token");
  await expect(page.getByText("这个解除链接已失效")).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
});
