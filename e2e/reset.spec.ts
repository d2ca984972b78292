import { expect, test, type Browser, type Page } from "@playwright/test";
import { createAccount, e2eDb, uniqueMobile, type TestAccount } from "./support/accounts";
import { mailbox } from "./support/mailbox-client";
import { outboxRowsFor, waitForFailedDelivery, waitForSecurityEvent } from "./support/portal-state";
import { fillSignIn, formMessage } from "./helpers";

const NEW_PASSWORD = "Lantern-Orbit-7-Quay!";
const linkIn = (text: string) => /https?:\/\/\S+\/reset-password\?\S+/.exec(text)?.[0];

async function requestReset(page: Page, identifier: string) {
  await page.goto("/forgot-password");
  await page.getByLabel("邮箱或手机号").fill(identifier);
  await page.getByRole("button", { name: "发送重置链接或验证码" }).click();
}

async function emailedLink(account: TestAccount, after = 0): Promise<string> {
  const mails = async () => (await mailbox.emails()).filter((m) => m.to === account.email && m.subject.includes("重置"));
  await expect.poll(async () => (await mails()).length, { timeout: 20_000 }).toBeGreaterThan(after);
  return linkIn((await mails())[after].text)!;
}

async function setNewPassword(page: Page, password = NEW_PASSWORD) {
  await page.getByLabel("新密码", { exact: true }).fill(password);
  await page.getByLabel("再次输入新密码").fill(password);
  await page.getByRole("button", { name: "保存新密码" }).click();
}

async function expectSignIn(page: Page, identifier: string, password: string, works: boolean) {
  await page.goto("/sign-in");
  const form = await fillSignIn(page, identifier, password);
  await form.locator('button[type="submit"]').click();
  if (works) await expect(page).toHaveURL(/\/account$/);
  else await expect(formMessage(page)).toContainText("账号或密码不正确");
}

async function signedInPage(browser: Browser, account: TestAccount): Promise<Page> {
  const page = await (await browser.newContext({ locale: "zh-CN" })).newPage();
  await expectSignIn(page, account.email, account.password, true);
  return page;
}

test("[user] resets by email: weak password refused with advice, new one works, old one does not, everyone signed out", async ({ page, browser }) => {
  const account = await createAccount();
  const elsewhere = await signedInPage(browser, account);

  await requestReset(page, account.email);
  await expect(page.locator("#forgot-message")).toContainText("如果有账户与该邮箱匹配");
  const link = await emailedLink(account);
  expect(new URL(link).origin).toBe(new URL(page.url()).origin); // built from APP_URL

  const landing = await page.goto(link);
  expect(landing?.headers()["referrer-policy"]).toBe("no-referrer");
  await page.getByRole("button", { name: "继续设置新密码" }).click();
  await expect(page).toHaveURL(/\/reset-password$/);

  // The reset-only session opens nothing else.
  await page.goto("/account");
  await expect(page).toHaveURL(/\/reset-password$/);

  await setNewPassword(page, "password1");
  await expect(page.locator("#password-error")).not.toBeEmpty();
  await expect(page.getByText("混合使用大小写字母、数字和符号").first()).toBeVisible();
  await setNewPassword(page);
  await expect(page).toHaveURL(/\/sign-in\?reset=1/);
  await expect(page.getByText("密码已更新,所有设备都已退出登录")).toBeVisible();

  await elsewhere.reload();
  await expect(elsewhere).toHaveURL(/\/sign-in/);
  await expectSignIn(page, account.email, account.password, false);
  await expectSignIn(page, account.email, NEW_PASSWORD, true);
  const confirmation = await mailbox.waitForEmail((m) => m.to === account.email && m.subject.includes("密码已更改"));
  expect(confirmation.text).toContain("如果这不是你本人操作");

  // The same link a second time starts the flow again.
  await page.context().clearCookies();
  await page.goto(link);
  await expect(page).toHaveURL(/\/forgot-password\?link=invalid/);
  await expect(page.locator("#forgot-message")).toContainText("这个重置链接已失效");
});

test("[user] an expired link, and a link replaced by a newer one, restart the flow", async ({ page }) => {
  const account = await createAccount();
  await requestReset(page, account.email);
  const first = await emailedLink(account);
  await requestReset(page, account.email);
  const second = await emailedLink(account, 1);
  await page.goto(first);
  await expect(page).toHaveURL(/\/forgot-password\?link=invalid/);

  const db = await e2eDb();
  await db.updateTable("verification_tokens").set({ expires: new Date(Date.now() - 1000).toISOString() }).where("identifier", "=", account.email).execute();
  await page.goto(second);
  await expect(page).toHaveURL(/\/forgot-password\?link=invalid/);
});

test("[visitor] an unknown email gets the same answer and no mail is sent", async ({ page }) => {
  const ghost = `ghost-reset-${Date.now()}@qianneng.test`;
  const since = Date.now();
  await requestReset(page, ghost);
  await expect(page.locator("#forgot-message")).toContainText("如果有账户与该邮箱匹配");
  await waitForSecurityEvent("reset_requested", ghost, since);
  expect(await outboxRowsFor(ghost)).toEqual([]);
  expect((await mailbox.emails()).filter((m) => m.to === ghost)).toHaveLength(0);
});

test("[user] resets by an SMS code; five wrong codes void it", async ({ page }) => {
  const account = await createAccount({ mobile: uniqueMobile() });
  const national = account.mobile!.slice(3);
  await requestReset(page, `${national.slice(0, 3)} ${national.slice(3, 7)} ${national.slice(7)}`);
  await expect(page).toHaveURL(/\/reset-password\?mobile=/);
  await expect(page.getByText(/\d:\d\d 后可重新发送/)).toBeVisible();
  const first = await mailbox.waitForSms((m) => m.to === account.mobile && m.text.includes("重置密码"));
  const code = /\d{6}/.exec(first.text)![0];
  const wrong = code === "000000" ? "111111" : "000000";
  for (let i = 0; i < 5; i++) {
    await page.getByLabel("6 位验证码").fill(wrong);
    await page.getByRole("button", { name: "验证", exact: true }).click();
    await expect(page.locator("#reset-code-message")).toContainText(i < 4 ? "验证码不正确" : "该验证码已失效");
    // React clears the form once the action has settled: type the next code only after that, or it is wiped.
    await expect(page.getByLabel("6 位验证码")).toHaveValue("");
  }
  await page.getByLabel("6 位验证码").fill(code);
  await page.getByRole("button", { name: "验证", exact: true }).click();
  await expect(page.locator("#reset-code-message")).toContainText("该验证码已失效");

  // A fresh code (after the 60 s wait) works; the test asks for it directly rather than waiting a minute.
  const db = await e2eDb();
  await db.updateTable("one_time_codes").set({ last_sent_at: Date.now() - 61_000, created_at: Date.now() - 61_000 }).where("user_id", "=", account.id).execute();
  await requestReset(page, account.mobile!);
  const second = await mailbox.waitForSms((m) => m.to === account.mobile && m.text !== first.text);
  await page.getByLabel("6 位验证码").fill(/\d{6}/.exec(second.text)![0]);
  await page.getByRole("button", { name: "验证", exact: true }).click();
  await expect(page.getByRole("button", { name: "保存新密码" })).toBeVisible();
  await setNewPassword(page);
  await expect(page).toHaveURL(/\/sign-in\?reset=1/);
  await expectSignIn(page, account.mobile!, NEW_PASSWORD, true);
});

test("[user] a reset-only session opens nothing but the new-password form: the status API, the account and the status view refuse it", async ({ page }) => {
  const account = await createAccount({ mobile: uniqueMobile() });
  await requestReset(page, account.mobile!);
  const sms = await mailbox.waitForSms((m) => m.to === account.mobile && m.text.includes("重置密码"));
  await page.getByLabel("6 位验证码").fill(/\d{6}/.exec(sms.text)![0]);
  await page.getByRole("button", { name: "验证", exact: true }).click();
  await expect(page.getByRole("button", { name: "保存新密码" })).toBeVisible();

  const status = await page.request.get("/api/account-status");
  expect(status.status()).toBe(401);
  expect(await status.text()).not.toContain(account.mobile!.slice(-4));
  await page.goto("/account");
  await expect(page).toHaveURL(/\/reset-password$/);
  await expect(page.getByRole("button", { name: "保存新密码" })).toBeVisible();
});

test("[user] SMTP down when the reset is asked for: the usual answer, and the link arrives once mail is back", async ({ page }) => {
  const account = await createAccount();
  await mailbox.stopSmtp();
  try {
    await requestReset(page, account.email);
    await expect(page.locator("#forgot-message")).toContainText("如果有账户与该邮箱匹配");
    await waitForFailedDelivery(account.email);
  } finally {
    await mailbox.startSmtp();
  }
  expect(linkIn((await mailbox.waitForEmail((m) => m.to === account.email, 30_000)).text)).toBeTruthy();
});

test("[user] changes the password while signed in: current password required, other sessions end, this one stays", async ({ page, browser }) => {
  const account = await createAccount();
  const elsewhere = await signedInPage(browser, account);
  await expectSignIn(page, account.email, account.password, true);
  await page.goto("/account/security");
  await page.getByLabel("当前密码").fill("not-the-password");
  await page.getByLabel("新密码", { exact: true }).fill(NEW_PASSWORD);
  await page.getByLabel("再次输入新密码").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "修改密码" }).click();
  await expect(page.locator("#current-error")).toContainText("当前密码不正确");

  await page.getByLabel("当前密码").fill(account.password);
  await page.getByLabel("新密码", { exact: true }).fill(NEW_PASSWORD);
  await page.getByLabel("再次输入新密码").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "修改密码" }).click();
  await expect(page.locator("#change-password-message")).toContainText("密码已修改");
  await page.goto("/account");
  await expect(page).toHaveURL(/\/account$/);
  await elsewhere.reload();
  await expect(elsewhere).toHaveURL(/\/sign-in/);
  await mailbox.waitForEmail((m) => m.to === account.email && m.subject.includes("密码已更改"));
});
