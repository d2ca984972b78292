import { expect, test, type Page } from "@playwright/test";
import { describeDevice } from "@/lib/describe-device";
import { fillSignIn, formMessage, signIn, useLocaleCookie } from "./helpers";
import { createAccount, e2eDb, type TestAccount } from "./support/accounts";
import { axeViolations } from "./support/axe";

// The e2e server sees the browser on the loopback address, IPv4 or IPv6.
const MASKED_LOOPBACK = /IP (127\.0\.0\.\*|0:0:0:0:…)/;

const entries = (page: Page) => page.getByTestId("history-entry");

async function failThenSignIn(page: Page, account: TestAccount) {
  await page.goto("/sign-in");
  await (await fillSignIn(page, account.email, "Not-the-password-42")).locator('button[type="submit"]').click();
  await expect(formMessage(page)).toContainText("账号或密码不正确");
  await page.goto("/sign-in");
  await (await fillSignIn(page, account.email, account.password)).locator('button[type="submit"]').click();
  await expect(page).toHaveURL(/\/account$/);
}

test("[user] history lists a failure and a success with device and masked IP", async ({ page }) => {
  const account = await createAccount();
  await failThenSignIn(page, account);
  const device = describeDevice(await page.evaluate(() => navigator.userAgent))!;

  await page.goto("/account/security");
  const history = page.getByRole("list", { name: "最近动态" });
  await expect(history.getByTestId("history-entry")).toHaveCount(2);
  const [success, failure] = [entries(page).nth(0), entries(page).nth(1)];
  await expect(success).toContainText("登录成功");
  await expect(failure).toContainText("登录失败");
  for (const row of [success, failure]) {
    await expect(row).toContainText(`${device.browser} · ${device.os}`);
    await expect(row).toContainText(MASKED_LOOPBACK);
    await expect(row.locator("time")).toContainText("中国标准时间");
  }
  await page.getByRole("link", { name: "查看全部登录记录" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("登录记录");
  await expect(entries(page)).toHaveCount(2);
});

test("[user] pages through a long history, 20 rows at a time, and a forged cursor shows the newest page", async ({ page }) => {
  const account = await createAccount();
  const now = Date.now();
  // 44 earlier failures, a few sharing one millisecond, plus another account's rows that must never show.
  const other = await createAccount();
  const rows = Array.from({ length: 44 }, (_, i) => ({ type: "sign_in_failed", ip: "198.51.100.7", created_at: now - 60_000 - Math.floor(i / 3) * 1000 }));
  await (await e2eDb())
    .insertInto("security_events")
    .values([...rows.map((r) => ({ ...r, user_id: account.id })), ...rows.map((r) => ({ ...r, user_id: other.id, ip: "192.0.2.99" }))])
    .execute();
  await signIn(page, account.email, account.password);

  await page.goto("/account/security/history");
  await expect(entries(page)).toHaveCount(20);
  await expect(entries(page).first()).toContainText("登录成功");
  const seen = [await entries(page).allInnerTexts()];
  const pager = page.getByRole("navigation", { name: "登录记录分页" });
  await expect(pager.getByRole("link", { name: "← 较新" })).toHaveCount(0);
  await pager.getByRole("link", { name: "更早 →" }).click();
  await expect(page).toHaveURL(/\?before=/);
  await expect(entries(page)).toHaveCount(20);
  seen.push(await entries(page).allInnerTexts());
  await pager.getByRole("link", { name: "更早 →" }).click();
  await expect(entries(page)).toHaveCount(5);
  await expect(pager.getByRole("link", { name: "更早 →" })).toHaveCount(0);
  await expect(page.getByText("192.0.2.")).toHaveCount(0);

  await pager.getByRole("link", { name: "← 较新" }).click();
  await expect(page).toHaveURL(/\?after=/);
  await expect(entries(page)).toHaveCount(20);
  expect(await entries(page).allInnerTexts()).toEqual(seen[1]);

  const response = await page.goto("/account/security/history?before=not-a-cursor");
  expect(response?.status()).toBe(200);
  expect(await entries(page).allInnerTexts()).toEqual(seen[0]);
});

for (const locale of ["zh-CN", "en"] as const) {
  test(`[user] axe finds no violations on the security page's history and the history page (${locale})`, async ({ page }) => {
    const account = await createAccount();
    await useLocaleCookie(page, locale);
    await signIn(page, account.email, account.password);
    for (const path of ["/account/security", "/account/security/history"]) {
      await page.goto(path);
      await expect(page.locator("html")).toHaveAttribute("lang", locale);
      await expect(entries(page).first()).toBeVisible();
      expect(await axeViolations(page)).toEqual([]);
    }
  });
}
