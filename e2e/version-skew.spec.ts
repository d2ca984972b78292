import { expect, test, type Page } from "@playwright/test";
import { fillSignIn, signInForm, useLocaleCookie } from "./helpers";
import { createAccount, e2eDb } from "./support/accounts";
import { axeViolations } from "./support/axe";

const KEPT_KEY = "kept-fields:/sign-in";

/** The page's own notice (Next's route announcer is an alert too). */
const notice = (page: Page) => page.locator("main [role=alert]");

/** A redeploy as the open page sees it: /api/ping now names another build. */
async function redeploy(page: Page) {
  await page.route("**/api/ping", (route) => route.fulfill({ json: { serverTime: Date.now(), buildId: "a-newer-build" }, headers: { "Cache-Control": "no-store" } }));
}

/** The sign-in page once it is interactive: its show-password toggle answers. */
async function openSignIn(page: Page) {
  await page.goto("/sign-in");
  const toggle = signInForm(page).getByRole("button", { name: /显示密码|Show password/ });
  await expect(async () => {
    await toggle.click();
    await expect(signInForm(page).locator('input[name="password"]')).toHaveAttribute("type", "text", { timeout: 500 });
  }).toPass();
  await signInForm(page).getByRole("button", { name: /隐藏密码|Hide password/ }).click();
}

const signInEvents = async (userId: string) => (await (await e2eDb()).selectFrom("security_events").select("type").where("user_id", "=", userId).execute()).map((e) => e.type);

test("[visitor] after a redeploy, submitting an open sign-in page is stopped and a reload offered; the reload keeps the identifier and the checkbox, never the password", async ({ page }) => {
  test.setTimeout(90_000);
  const account = await createAccount();
  const eventsBefore = await signInEvents(account.id);
  await page.clock.install();
  await openSignIn(page);
  await redeploy(page);
  const form = await fillSignIn(page, account.email, account.password);
  await form.getByLabel(/保持登录|Keep me signed in/).check();
  // The build the page was rendered by is trusted for a minute; this person took longer to fill the form.
  await page.clock.fastForward("01:01");
  await form.locator('button[type="submit"]').click();

  await expect(notice(page)).toHaveText(/账户中心已更新到新版本/);
  await expect(page.getByRole("button", { name: "重新加载" })).toBeFocused();
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.locator("#sign-in-message")).toHaveText("");
  expect(await signInEvents(account.id)).toEqual(eventsBefore);
  await form.locator('button[type="submit"]').click();
  await expect(notice(page)).toHaveCount(1);
  expect(await signInEvents(account.id)).toEqual(eventsBefore);

  // What the reload carried, read before the page restores and deletes it.
  await page.addInitScript((key) => ((window as unknown as { kept: string | null }).kept = sessionStorage.getItem(key)), KEPT_KEY);
  await page.unroute("**/api/ping");
  const reloaded = page.waitForEvent("load");
  await page.getByRole("button", { name: "重新加载" }).click();
  await reloaded;
  await expect(form.locator('input[name="identifier"]')).toHaveValue(account.email);
  await expect(form.getByLabel(/保持登录|Keep me signed in/)).toBeChecked();
  await expect(form.locator('input[name="password"]')).toHaveValue("");
  await expect(notice(page)).toHaveCount(0);
  const kept = await page.evaluate(() => (window as unknown as { kept: string | null }).kept);
  expect(kept).toContain(account.email);
  expect(kept).not.toContain(account.password);
  expect(await page.evaluate((key) => sessionStorage.getItem(key), KEPT_KEY)).toBeNull();

  // Same build again: the form goes through as usual.
  await form.locator('input[name="password"]').fill(account.password);
  await form.locator('button[type="submit"]').click();
  await expect(page).toHaveURL(/\/account$/);
});

test("[visitor] a sign-in page left in a background tab across a redeploy offers the reload when it is shown again", async ({ page }) => {
  await openSignIn(page);
  await redeploy(page);
  await expect(notice(page)).toHaveCount(0);
  await page.evaluate(() => document.dispatchEvent(new Event("visibilitychange")));
  await expect(notice(page)).toHaveText(/账户中心已更新到新版本/);
  await expect(page.getByRole("button", { name: "重新加载" })).toBeVisible();
});

test("[visitor] with the same build running, a submit goes through: at once right after the page loaded, after a check later on", async ({ page }) => {
  const account = await createAccount();
  const pings: string[] = [];
  page.on("request", (request) => request.url().endsWith("/api/ping") && pings.push(request.url()));
  await page.clock.install();
  await openSignIn(page);
  const form = await fillSignIn(page, account.email, "not-the-password-1");
  await form.locator('button[type="submit"]').click();
  await expect(page.locator("#sign-in-message")).toContainText("账号或密码");
  expect(pings).toEqual([]);

  await page.clock.fastForward("01:01");
  await form.locator('input[name="password"]').fill("not-the-password-2");
  await form.locator('button[type="submit"]').click();
  await expect.poll(() => pings.length).toBe(1);
  const failures = async () => (await signInEvents(account.id)).filter((type) => type === "sign_in_failed").length;
  await expect.poll(failures).toBe(2);
  await expect(notice(page)).toHaveCount(0);
});

for (const locale of ["zh-CN", "en"] as const) {
  test(`[visitor] axe finds no violations with the new-version notice shown (${locale})`, async ({ page }) => {
    await useLocaleCookie(page, locale);
    await openSignIn(page);
    await redeploy(page);
    await page.evaluate(() => document.dispatchEvent(new Event("visibilitychange")));
    await expect(notice(page)).toHaveText(locale === "en" ? /A new version of the Account Center is available/ : /账户中心已更新到新版本/);
    expect(await axeViolations(page)).toEqual([]);
  });
}
