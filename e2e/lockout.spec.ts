import { expect, test, type Page } from "@playwright/test";
import { createAccount, uniqueMobile } from "./support/accounts";
import { mailbox } from "./support/mailbox-client";
import { outboxRowsFor, waitForFailedDelivery, waitForSecurityEvent } from "./support/portal-state";
import { failureText, fillSignIn, formMessage } from "./helpers";

async function submit(page: Page, identifier: string, password: string) {
  await page.goto("/sign-in");
  const form = await fillSignIn(page, identifier, password);
  await form.locator('button[type="submit"]').click();
  await expect(formMessage(page)).not.toBeEmpty();
}

async function failFiveTimes(page: Page, identifier: string) {
  for (let i = 0; i < 5; i++) await submit(page, identifier, `wrong-password-${i}`);
}

const unlockLink = (text: string) => /https?:\/\/\S+\/unlock\?token=[\w-]+/.exec(text)?.[0];

// A browser far from China: the times it shows must still be China Standard Time, as in the notices.
test.use({ timezoneId: "America/New_York" });

test("[locked-out] paused@ is told sign-in is paused, until when, and the two ways out", async ({ page }) => {
  await submit(page, "paused@qianneng.test", "Qianneng#2026");
  const message = formMessage(page);
  await expect(message).toContainText("由于多次尝试失败,该账号的登录已暂停,将于");
  await expect(message.locator("time")).toHaveAttribute("datetime", /^\d{4}-\d\d-\d\dT/);
  await expect(message.locator("time")).toHaveText(/^\d{4}年\d{1,2}月\d{1,2}日 \d\d:\d\d 中国标准时间$/);
  await expect(message.getByTestId("countdown")).toHaveText(/剩余 [12]:\d\d:\d\d/);
  await expect(message.getByRole("link", { name: "立即重置密码" })).toHaveAttribute("href", "/forgot-password");
  await expect(message.getByRole("link", { name: "查看账户状态" })).toHaveAttribute("href", "/account-status");
  const before = await message.getByTestId("countdown").innerText();
  await expect(message.getByTestId("countdown")).not.toHaveText(before); // it ticks
});

test("[locked-out] a phantom identifier gets the very same pause page as a real account", async ({ page }) => {
  const account = await createAccount();
  const phantom = `ghost-${Date.now()}@qianneng.test`;
  await failFiveTimes(page, account.email);
  const real = await failureText(page);
  await failFiveTimes(page, phantom);
  const ghost = await failureText(page);
  const normalize = (text: string) => text.replace(/\d/g, "#");
  expect(normalize(ghost)).toBe(normalize(real));
  expect(ghost).toContain("该账号的登录已暂停");
});

test("[locked-out] the owner's notice arrives by mail and SMS, and its link unlocks once", async ({ page }) => {
  const account = await createAccount({ mobile: uniqueMobile() });
  await failFiveTimes(page, account.email);
  const until = await formMessage(page).locator("time").innerText();
  const mail = await mailbox.waitForEmail((m) => m.to === account.email);
  expect(mail.subject).toContain("登录已暂停");
  expect(mail.text).toContain("设备:");
  // The page and the notice name the same moment in the same words.
  expect(mail.text).toContain(`至 ${until} 恢复`);
  const text = await mailbox.waitForSms((m) => m.to === account.mobile);
  expect(text.text).toContain("/unlock?token=");

  const link = unlockLink(mail.text)!;
  expect(link).toBeTruthy();
  await page.goto(link);
  await expect(page.getByRole("button", { name: "是我本人,解除暂停" })).toBeVisible();
  // Opening the link changed nothing: still paused.
  await submit(page, account.email, account.password);
  await expect(formMessage(page)).toContainText("登录已暂停");

  await page.goto(link);
  await page.getByRole("button", { name: "是我本人,解除暂停" }).click();
  await expect(page.getByText("已解除暂停,你现在可以登录了。")).toBeVisible();
  await page.goto("/sign-in");
  const form = await fillSignIn(page, account.email, account.password);
  await form.locator('button[type="submit"]').click();
  await expect(page).toHaveURL(/\/account$/);

  await page.goto(link);
  await expect(page.getByText("这个解除链接已失效")).toBeVisible();
});

test("[locked-out] SMTP down when the pause happens: the notice is delivered once it is back", async ({ page }) => {
  await mailbox.stopSmtp();
  const account = await createAccount();
  try {
    await failFiveTimes(page, account.email);
    await waitForFailedDelivery(account.email);
    expect((await mailbox.emails()).filter((m) => m.to === account.email)).toHaveLength(0);
  } finally {
    await mailbox.startSmtp();
  }
  const mail = await mailbox.waitForEmail((m) => m.to === account.email, 30_000);
  expect(unlockLink(mail.text)).toBeTruthy();
});

test("[frozen] a frozen account that signs in fully lands on the status view", async ({ page }) => {
  await submit(page, "frozen@qianneng.test", "Qianneng#2026").catch(() => undefined);
  await expect(page).toHaveURL(/\/account-status$/);
  await expect(page.getByTestId("status-case-ref")).toHaveText("QN-2026-004271");
  await page.getByRole("main").getByRole("link", { name: "联系客服" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("联系客服");
  await page.goto("/account");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("[locked-out] proves ownership with an emailed code, sees why and until when, and unlocks", async ({ page }) => {
  const account = await createAccount();
  await failFiveTimes(page, account.email);
  // Three more tries while paused, seconds apart: they fall in at most two minutes, so one entry counts 2 or 3.
  for (let i = 0; i < 3; i++) await submit(page, account.email, `wrong-while-paused-${i}`);

  await page.goto("/account-status");
  await page.getByLabel("邮箱或手机号").fill(account.email);
  await page.getByRole("button", { name: "发送验证码" }).click();
  await expect(page.getByText(/如果存在与 .* 匹配的账户/)).toBeVisible();
  const mail = await mailbox.waitForEmail((m) => m.to === account.email && m.subject.includes("验证码"));
  const code = /\b(\d{6})\b/.exec(mail.text)![1];

  await page.getByLabel("6 位验证码").fill("000000" === code ? "111111" : "000000");
  await page.getByRole("button", { name: "验证并查看状态" }).click();
  await expect(page.locator("#status-code-message")).toContainText("验证码不正确");
  await page.getByLabel("6 位验证码").fill(code);
  await page.getByRole("button", { name: "验证并查看状态" }).click();

  await expect(page.getByTestId("status-state")).toContainText("正常");
  const paused = page.getByTestId("status-paused");
  await expect(paused).toContainText("登录已暂停");
  await expect(paused.getByTestId("countdown")).toHaveText(/剩余 1[0-5]:\d\d/);
  await expect(page.getByTestId("status-failures").locator("li")).toHaveCount(5);
  await expect(page.getByTestId("status-failures")).toContainText("Chrom");
  await expect(page.getByTestId("status-failures")).toContainText(/这一分钟内共 [23] 次/);

  await page.getByRole("button", { name: "立即解除暂停" }).click();
  await expect(page.getByText("已解除暂停,现在可以登录了。")).toBeVisible();
  await expect(page.getByText("登录未被暂停。")).toBeVisible();
  await page.goto("/sign-in");
  const form = await fillSignIn(page, account.email, account.password);
  await form.locator('button[type="submit"]').click();
  await expect(page).toHaveURL(/\/account$/);
});

test("[locked-out] an unknown identifier gets the same code page and no message is sent", async ({ page }) => {
  const ghost = `ghost-status-${Date.now()}@qianneng.test`;
  const since = Date.now();

  await page.goto("/account-status");
  await page.getByLabel("邮箱或手机号").fill(ghost);
  await page.getByRole("button", { name: "发送验证码" }).click();
  await expect(page.getByText(`如果存在与 ${ghost} 匹配的账户`)).toBeVisible();
  await expect(page.getByLabel("6 位验证码")).toBeVisible();
  await waitForSecurityEvent("status_code_sent", ghost, since);
  expect(await outboxRowsFor(ghost)).toEqual([]);
  expect((await mailbox.emails()).filter((m) => m.to === ghost)).toHaveLength(0);
});
