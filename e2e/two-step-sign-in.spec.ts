import { expect, test, type Page } from "@playwright/test";
import { fillSignIn, useLocaleCookie } from "./helpers";
import { createAccount, e2eDb, uniqueMobile, type TestAccount } from "./support/accounts";
import { axeViolations } from "./support/axe";
import { mailbox } from "./support/mailbox-client";
import { enableTwoStep, nextTotpCode } from "./support/two-step";

async function passwordStep(page: Page, account: TestAccount) {
  await page.goto("/sign-in");
  const form = await fillSignIn(page, account.email, account.password);
  await form.locator('button[type="submit"]').click();
  await expect(page).toHaveURL(/\/sign-in\/two-step/);
}

const message = (page: Page) => page.locator("#second-step-message");

test("[user] with an authenticator app: the password opens only the second step, the app's code signs in", async ({ page }) => {
  const account = await createAccount();
  const { secret } = await enableTwoStep(account.id, { totp: true });
  await passwordStep(page, account);

  // The step grants nothing else: not the account, not the status API.
  await page.goto("/account");
  await expect(page).toHaveURL(/\/sign-in\/two-step/);
  expect((await page.request.get("/api/account-status")).status()).toBe(401);

  await page.getByLabel("应用中的 6 位验证码").fill("000000");
  await page.getByRole("button", { name: "验证", exact: true }).click();
  await expect(message(page)).toContainText("不正确");
  await page.getByLabel("应用中的 6 位验证码").fill(await nextTotpCode(secret));
  await page.getByRole("button", { name: "验证", exact: true }).click();
  await expect(page).toHaveURL(/\/account$/);
  const events = await (await e2eDb()).selectFrom("security_events").select(["type", "detail"]).where("user_id", "=", account.id).orderBy("id").execute();
  expect(events.map((e) => e.type)).toEqual(["second_step_started", "sign_in_failed", "sign_in_succeeded"]);
  expect(JSON.parse(events[2].detail!)).toEqual({ via: "totp" });
});

test("[user] a backup code signs in once; 'trust this browser' skips the step next time on this browser only", async ({ page, browser }) => {
  const account = await createAccount();
  await enableTwoStep(account.id, { totp: true, backupCodes: ["qnfa2-e2eaa", "qnfa2-e2ebb"] });
  await passwordStep(page, account);
  const backup = page.locator("form").filter({ has: page.locator("#backup-code") });
  await backup.getByLabel("备用验证码").fill("QNFA2 E2EAA");
  await backup.getByLabel("30 天内信任此浏览器").check();
  await backup.getByRole("button", { name: "使用备用验证码" }).click();
  await expect(page).toHaveURL(/\/account$/);

  // Signed out and in again on this browser: no second step.
  await page.getByRole("button", { name: /退出登录/ }).click();
  await page.goto("/sign-in");
  const form = await fillSignIn(page, account.email, account.password);
  await form.locator('button[type="submit"]').click();
  await expect(page).toHaveURL(/\/account$/);

  // Another browser still gets the step, and the spent backup code no longer works there.
  const other = await (await browser.newContext({ locale: "zh-CN" })).newPage();
  await passwordStep(other, account);
  const otherBackup = other.locator("form").filter({ has: other.locator("#backup-code") });
  await otherBackup.getByLabel("备用验证码").fill("qnfa2-e2eaa");
  await otherBackup.getByRole("button", { name: "使用备用验证码" }).click();
  await expect(message(other)).toContainText("不正确");
  await other.context().close();
});

test("[user] a code by SMS, read from the SMS gateway, signs in", async ({ page }) => {
  const account = await createAccount({ mobile: uniqueMobile() });
  await enableTwoStep(account.id, { sms: true });
  await passwordStep(page, account);
  await page.getByRole("button", { name: "发送短信验证码" }).click();
  const sms = await mailbox.waitForSms((m) => m.to === account.mobile);
  await page.getByLabel("短信中的 6 位验证码").fill(/\d{6}/.exec(sms.text)![0]);
  await page.getByRole("button", { name: "验证", exact: true }).click();
  await expect(page).toHaveURL(/\/account$/);
});

test("[locked-out] five wrong second-step codes pause sign-in like five wrong passwords", async ({ page, browser }) => {
  const account = await createAccount();
  await enableTwoStep(account.id, { totp: true });
  await passwordStep(page, account);
  for (let i = 0; i < 5; i++) {
    await page.getByLabel("应用中的 6 位验证码").fill(String(100000 + i));
    await page.getByRole("button", { name: "验证", exact: true }).click();
    await expect(message(page)).toContainText(i < 4 ? "不正确" : "登录已暂停");
    await expect(page.getByLabel("应用中的 6 位验证码")).toHaveValue("");
  }
  // Even the right password, from another browser, is now refused without a check.
  const other = await (await browser.newContext({ locale: "zh-CN" })).newPage();
  await other.goto("/sign-in");
  const form = await fillSignIn(other, account.email, account.password);
  await form.locator('button[type="submit"]').click();
  await expect(other.locator("#sign-in-message")).toContainText("登录已暂停");
  await other.context().close();
});

for (const locale of ["zh-CN", "en"] as const) {
  test(`[user] the second step passes axe (${locale})`, async ({ page }) => {
    const account = await createAccount({ mobile: uniqueMobile(), locale });
    await enableTwoStep(account.id, { totp: true, sms: true, backupCodes: ["qnfa2-e2ecc"] });
    await useLocaleCookie(page, locale);
    await page.goto("/sign-in");
    const form = await fillSignIn(page, account.email, account.password);
    await form.locator('button[type="submit"]').click();
    await expect(page).toHaveURL(/\/sign-in\/two-step/);
    await expect(page.locator("html")).toHaveAttribute("lang", locale);
    expect(await axeViolations(page)).toEqual([]);
  });
}

test("[user] a reset of a two-step account asks for a second factor of another kind before the new password", async ({ page }) => {
  const account = await createAccount({ mobile: uniqueMobile() });
  const { secret } = await enableTwoStep(account.id, { totp: true, sms: true });
  await page.goto("/forgot-password");
  await page.getByLabel("邮箱或手机号").fill(account.email);
  await page.getByRole("button", { name: "发送重置链接或验证码" }).click();
  const mail = await mailbox.waitForEmail((m) => m.to === account.email && m.subject.includes("重置"));
  await page.goto(/https?:\/\/\S+\/reset-password\?\S+/.exec(mail.text)![0]);
  await page.getByRole("button", { name: "继续设置新密码" }).click();

  // The link alone does not reach the new password: an app code, or (the reset came by email) an SMS code.
  await expect(page.getByRole("heading", { name: "完成第二步验证" })).toBeVisible();
  await expect(page.getByRole("button", { name: "保存新密码" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "发送短信验证码" })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  const app = page.locator("form").filter({ has: page.getByLabel("应用中的 6 位验证码") });
  await app.getByLabel("应用中的 6 位验证码").fill("000000");
  await app.getByRole("button", { name: "验证", exact: true }).click();
  await expect(message(page)).toContainText("不正确");
  await expect(page.getByLabel("应用中的 6 位验证码")).toHaveValue("");
  await app.getByLabel("应用中的 6 位验证码").fill(await nextTotpCode(secret));
  await app.getByRole("button", { name: "验证", exact: true }).click();
  await expect(page.getByRole("button", { name: "保存新密码" })).toBeVisible();
  await page.getByLabel("新密码", { exact: true }).fill("Lantern-Orbit-7-Quay!");
  await page.getByLabel("再次输入新密码").fill("Lantern-Orbit-7-Quay!");
  await page.getByRole("button", { name: "保存新密码" }).click();
  await expect(page).toHaveURL(/\/sign-in\?reset=1/);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("[user] password, then the app's code, signs in with plain form posts", async ({ page }) => {
    const account = await createAccount();
    const { secret } = await enableTwoStep(account.id, { totp: true });
    await passwordStep(page, account);
    await page.getByLabel("应用中的 6 位验证码").fill(await nextTotpCode(secret));
    await page.getByRole("button", { name: "验证", exact: true }).click();
    await expect(page).toHaveURL(/\/account$/);
  });
});
