import { expect, test, type Browser, type Page } from "@playwright/test";
import { createAccount, e2eDb, uniqueMobile, type TestAccount } from "./support/accounts";
import { axeViolations } from "./support/axe";
import { mailbox } from "./support/mailbox-client";
import { signIn } from "./helpers";

const NEW_PASSWORD = "Lantern-Orbit-7-Quay!";
const resetLinkIn = (text: string) => /https?:\/\/\S+\/reset-password\?\S+/.exec(text)?.[0];
const notMeLinkIn = (text: string) => /https?:\/\/\S+\/reset-hold\?token=[\w-]+/.exec(text)?.[0];

/** The page as it is, checked by axe in Chinese and in English (a GET: reloading changes nothing), then back in Chinese. */
async function expectAccessibleInBothLanguages(page: Page, english: RegExp) {
  const switchTo = (locale: string) => page.context().addCookies([{ name: "NEXT_LOCALE", value: locale, domain: "localhost", path: "/" }]);
  expect(await axeViolations(page)).toEqual([]);
  await switchTo("en");
  await page.reload();
  await expect(page.locator("main")).toContainText(english);
  expect(await axeViolations(page)).toEqual([]);
  await switchTo("zh-CN");
  await page.reload();
}

async function signedInElsewhere(browser: Browser, account: TestAccount): Promise<Page> {
  const page = await (await browser.newContext({ locale: "zh-CN" })).newPage();
  await signIn(page, account.email, account.password);
  return page;
}

test("[user] with SMS two-step only resets by email link, chooses the 72-hour wait, and the announcement's 'not me' link freezes the account", async ({ page, browser }) => {
  // Four pages, each checked by axe in two languages.
  test.setTimeout(90_000);
  const account = await createAccount({ mobile: uniqueMobile() });
  // Signed in before two-step verification was turned on, so this browser needs no second step.
  const elsewhere = await signedInElsewhere(browser, account);
  const db = await e2eDb();
  await db.updateTable("users").set({ sms_two_step_at: Date.now() }).where("id", "=", account.id).execute();

  await page.goto("/forgot-password");
  await page.getByLabel("邮箱或手机号").fill(account.email);
  await page.getByRole("button", { name: "发送重置链接或验证码" }).click();
  const resetMail = await mailbox.waitForEmail((m) => m.to === account.email && m.subject.includes("重置"));
  await page.goto(resetLinkIn(resetMail.text)!);
  await page.getByRole("button", { name: "继续设置新密码" }).click();
  await expect(page).toHaveURL(/\/reset-password$/);

  // With two-step verification on, the plain new-password form is not offered; this account takes the wait.
  await expect(page.getByRole("heading", { name: "无法使用任何两步验证方式?" })).toBeVisible();
  await expect(page.getByRole("button", { name: "保存新密码" })).toHaveCount(0);
  await expectAccessibleInBothLanguages(page, /Can't use any of your second factors\?/);

  await page.getByLabel("新密码", { exact: true }).fill(NEW_PASSWORD);
  await page.getByLabel("再次输入新密码").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "等待 72 小时后启用此密码" }).click();
  await expect(page).toHaveURL(/\/reset-password\?held=\d+$/);
  await expect(page.getByRole("heading", { name: "新密码正在等待生效" })).toBeVisible();
  await expect(page.locator("main")).toContainText(/新密码将于 \d{4}年\d{1,2}月\d{1,2}日 \d\d:\d\d 中国标准时间 生效/);
  await expectAccessibleInBothLanguages(page, /Your new password is waiting/);

  // Announced at once on both channels, each with a "not me" link.
  const announcement = await mailbox.waitForEmail((m) => m.to === account.email && m.subject.includes("72 小时后生效"));
  const text = await mailbox.waitForSms((m) => m.to === account.mobile && m.text.includes("/reset-hold?token="));
  const notMe = notMeLinkIn(announcement.text)!;
  expect(notMe).toBeTruthy();
  expect(notMeLinkIn(text.text)).toBe(notMe);
  expect(announcement.text).toContain("设备:Chrom");

  // Until the wait is over nothing changed: the other browser is still signed in.
  await elsewhere.reload();
  await expect(elsewhere).toHaveURL(/\/account$/);

  await page.goto(notMe);
  await expect(page.getByTestId("reset-hold-state")).toContainText("一个新密码将于");
  await expectAccessibleInBothLanguages(page, /This was not me/);
  await page.getByRole("button", { name: "不是我本人,取消并冻结账户" }).click();
  await expect(page).toHaveURL(/\/reset-hold\?done=1$/);
  await expect(page.locator("main")).toContainText("新密码已取消,账户已冻结");
  await expectAccessibleInBothLanguages(page, /the new password is cancelled and your account is frozen/);

  const user = await db.selectFrom("users").select("status").where("id", "=", account.id).executeTakeFirstOrThrow();
  expect(user.status).toBe("self_frozen");
  const hold = await db.selectFrom("reset_holds").select(["cancelled_at", "applied_at"]).where("user_id", "=", account.id).executeTakeFirstOrThrow();
  expect(hold).toMatchObject({ applied_at: null, cancelled_at: expect.any(Number) });
  await elsewhere.reload();
  await expect(elsewhere).toHaveURL(/\/sign-in/);

  // The link works once.
  await page.goto(notMe);
  await expect(page.locator("main")).toContainText("这个链接已失效");
});
