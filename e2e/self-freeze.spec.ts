import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { axeViolations } from "./support/axe";
import { issueNotMeToken } from "@/lib/server/alerts/not-me-tokens";
import { createAccount, e2eDb, type TestAccount } from "./support/accounts";
import { mailbox } from "./support/mailbox-client";
import { fillSignIn, useLocaleCookie } from "./helpers";

const NEW_PASSWORD = "Lantern-Orchid-Marble-47";
const codeIn = (text: string) => /\b(\d{6})\b/.exec(text)![1];
const notMeLinkIn = (text: string) => /https?:\/\/\S+\/not-me\?token=[\w-]+/.exec(text)![0];
const statusOf = async (id: string) => (await (await e2eDb()).selectFrom("users").select("status").where("id", "=", id).executeTakeFirstOrThrow()).status;

async function signInAs(page: Page, account: TestAccount, password = account.password) {
  await page.goto("/sign-in");
  const form = await fillSignIn(page, account.email, password);
  await form.locator('button[type="submit"]').click();
}

/** Proves the account on /account-status with the emailed code, as a locked-out owner does. */
async function proveByCode(page: Page, account: TestAccount) {
  await page.goto("/account-status");
  await page.getByLabel("邮箱或手机号").fill(account.email);
  await page.getByRole("button", { name: "发送验证码" }).click();
  const mail = await mailbox.waitForEmail((m) => m.to === account.email && m.subject.includes("验证码"));
  await page.getByLabel("6 位验证码").fill(codeIn(mail.text));
  await page.getByRole("button", { name: "验证并查看状态" }).click();
  await expect(page.getByTestId("status-state")).toContainText("正常");
}

test("[locked-out] self-freezes from /account-status by code and then cannot sign in, lands on the status view, and unfreezes", async ({ page, browser }) => {
  const account = await createAccount();
  // A browser still signed in elsewhere (the lost phone).
  const phone = await browser.newContext();
  const phonePage = await phone.newPage();
  await signInAs(phonePage, account);
  await expect(phonePage).toHaveURL(/\/account$/);

  await proveByCode(page, account);
  await page.getByRole("button", { name: "冻结我的账户" }).click();
  await expect(page.locator("#status-freeze-confirm-error")).toContainText("请勾选确认");
  await page.getByLabel("是的，立即冻结我的账户").check();
  await page.getByRole("button", { name: "冻结我的账户" }).click();
  await expect(page.getByTestId("status-state")).toContainText("已挂失冻结");
  const frozenMail = await mailbox.waitForEmail((m) => m.to === account.email && m.subject.includes("已冻结"));
  expect(frozenMail.text).toContain("你在账户状态页操作");

  await phonePage.goto("/account");
  await expect(phonePage).toHaveURL(/\/sign-in/);
  await phone.close();

  // A new browser: the right password lands on the status view, never the account.
  const later = await browser.newContext();
  const laterPage = await later.newPage();
  await signInAs(laterPage, account);
  await expect(laterPage).toHaveURL(/\/account-status$/);
  await expect(laterPage.getByTestId("status-state")).toContainText("已挂失冻结");
  expect(await axeViolations(laterPage)).toEqual([]);

  const unfreeze = laterPage.locator("section").filter({ has: laterPage.getByRole("heading", { name: "解冻账户" }) });
  await unfreeze.getByRole("radio", { name: /发送到 .* 的验证码/ }).first().check();
  await unfreeze.getByRole("button", { name: "发送验证码" }).click();
  await expect(unfreeze.getByText("验证码已发送")).toBeVisible();
  const unfreezeMail = await mailbox.waitForEmail((m) => m.to === account.email && m.subject.includes("解冻账户验证码"));
  const code = codeIn(unfreezeMail.text);

  await unfreeze.getByLabel("登录密码").fill("Not-the-password-1");
  await unfreeze.getByLabel("验证码", { exact: true }).fill(code);
  await unfreeze.getByRole("button", { name: "解冻", exact: true }).click();
  await expect(laterPage.locator("#status-unfreeze-message")).toContainText("密码或验证码不正确");
  await unfreeze.getByLabel("登录密码").fill(account.password);
  await unfreeze.getByLabel("验证码", { exact: true }).fill(code);
  await unfreeze.getByRole("button", { name: "解冻", exact: true }).click();
  await expect(laterPage.getByText("你的账户已解冻")).toBeVisible();
  await expect(laterPage.getByTestId("status-state")).toContainText("正常");
  expect(await statusOf(account.id)).toBe("active");

  await signInAs(laterPage, account);
  await expect(laterPage).toHaveURL(/\/account$/);
  await later.close();
});

test("[user] freezes the account from /account/freeze, linked to a reported transaction's case", async ({ page }) => {
  const account = await createAccount();
  const caseRef = `QN-2026-${String(Math.floor(Math.random() * 1e6)).padStart(6, "0")}`;
  await (await e2eDb())
    .insertInto("support_tickets")
    .values({ id: randomUUID(), reference: caseRef, user_id: account.id, category: "suspicious_transaction", body: "", transaction_id: null, created_at: Date.now(), updated_at: Date.now() })
    .execute();
  await signInAs(page, account);
  await expect(page).toHaveURL(/\/account$/);
  await page.getByRole("link", { name: "手机丢了？立即冻结账户" }).click();
  await expect(page).toHaveURL(/\/account\/freeze$/);
  await expect(page.getByRole("heading", { name: "冻结账户（挂失）" })).toBeVisible();
  // Someone else's case (or a made-up one) is not linked.
  await page.goto("/account/freeze?case=QN-2026-000000");
  await expect(page.getByText("该案件编号不是你的客服案件")).toBeVisible();
  await page.goto(`/account/freeze?case=${caseRef}`);
  await expect(page.getByTestId("freeze-case")).toContainText(caseRef);
  await page.getByLabel("是的，立即冻结我的账户").check();
  await page.getByRole("button", { name: "冻结我的账户" }).click();

  await expect(page).toHaveURL(/\/account-status$/);
  await expect(page.getByTestId("status-state")).toContainText("已挂失冻结");
  await expect(page.getByTestId("status-case-ref")).toHaveText(caseRef);
  await expect(page.getByRole("heading", { name: "解冻账户" })).toBeVisible();
  expect(await statusOf(account.id)).toBe("self_frozen");
  await page.goto("/account");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("[user] signed in, freezes from the status view and still sees the status", async ({ page }) => {
  const account = await createAccount();
  await signInAs(page, account);
  await expect(page).toHaveURL(/\/account$/);
  await page.goto("/account-status");
  await page.getByLabel("是的，立即冻结我的账户").check();
  await page.getByRole("button", { name: "冻结我的账户" }).click();
  await expect(page.getByTestId("status-state")).toContainText("已挂失冻结");
  await page.reload();
  await expect(page.getByRole("heading", { name: "解冻账户" })).toBeVisible();
  expect(await statusOf(account.id)).toBe("self_frozen");
});

test("[user] a 'this was not me' link from an alert freezes the account and sends a reset link", async ({ page, browser }) => {
  const account = await createAccount();
  await signInAs(page, account);
  await expect(page).toHaveURL(/\/account$/);
  await page.goto("/account/security");
  await page.getByLabel("当前密码").fill(account.password);
  await page.getByLabel("新密码", { exact: true }).fill(NEW_PASSWORD);
  await page.getByLabel("再次输入新密码").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "修改密码" }).click();
  await expect(page.locator("#change-password-message")).toContainText("密码已修改");

  const alert = await mailbox.waitForEmail((m) => m.to === account.email && m.subject.includes("密码已更改"));
  const link = notMeLinkIn(alert.text);
  const stranger = await browser.newContext();
  const strangerPage = await stranger.newPage();
  // Opening the link (as a mail scanner would) changes nothing.
  await strangerPage.goto(link);
  await expect(strangerPage.getByRole("heading", { name: "保护你的账户" })).toBeVisible();
  expect(await statusOf(account.id)).toBe("active");
  expect(await axeViolations(strangerPage)).toEqual([]);

  await strangerPage.getByRole("button", { name: "冻结账户并重设密码" }).click();
  await expect(strangerPage.getByTestId("not-me-done")).toContainText("你的账户已冻结");
  expect(await statusOf(account.id)).toBe("self_frozen");
  const reset = await mailbox.waitForEmail((m) => m.to === account.email && m.subject.includes("重置"));
  expect(reset.text).toMatch(/\/reset-password\?/);
  await page.goto("/account");
  await expect(page).toHaveURL(/\/sign-in/);

  // The link works once.
  await strangerPage.goto(link);
  await expect(strangerPage.getByRole("heading", { name: "该链接已失效" })).toBeVisible();
  expect(await axeViolations(strangerPage)).toEqual([]);
  await stranger.close();
});

for (const locale of ["zh-CN", "en"] as const) {
  test(`[user] axe finds no violations on /account/freeze, /not-me and the unfreeze form (${locale})`, async ({ page }) => {
    await useLocaleCookie(page, locale);
    const account = await createAccount();
    await signInAs(page, account);
    await expect(page).toHaveURL(/\/account$/);
    await page.goto("/account/freeze?case=QN-2026-999999");
    await expect(page.locator("html")).toHaveAttribute("lang", locale);
    expect(await axeViolations(page)).toEqual([]);
    await page.locator('input[name="confirm"]').check();
    await page.locator("main form button[type=submit]").click();
    await expect(page).toHaveURL(/\/account-status$/);
    await expect(page.locator("#status-unfreeze")).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
    const token = await issueNotMeToken(await e2eDb(), { userId: account.id, alert: "new_device", now: Date.now() });
    for (const path of [`/not-me?token=${token}`, "/not-me?done=frozen&reset=email&to=e***4%40qianneng.test", "/not-me?token=not-a-real-token"]) {
      await page.goto(path);
      await expect(page.locator("main h1")).toBeVisible();
      expect(await axeViolations(page)).toEqual([]);
    }
  });
}
