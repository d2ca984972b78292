import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";
import { createAccount, e2eDb, uniqueMobile } from "./support/accounts";
import { mailbox } from "./support/mailbox-client";

const notMeLink = (text: string) => /https?:\/\/\S+\/not-me\?token=[\w-]{43}/.exec(text)?.[0];

test("[user] a sign-in from a second browser sends a new-device alert whose 'this was not me' link freezes the account", async ({ browser }) => {
  const account = await createAccount({ mobile: uniqueMobile() });
  const alerts = async () => (await (await e2eDb()).selectFrom("outbox").select("channel").where("user_id", "=", account.id).where("kind", "=", "new_device").execute()).length;

  // The account's first browser is new against nothing, and signing in there again is nothing new either.
  const first = await browser.newContext({ locale: "zh-CN" });
  const firstPage = await first.newPage();
  await signIn(firstPage, account.email, account.password);
  await firstPage.getByRole("button", { name: "退出登录" }).click();
  await expect(firstPage).toHaveURL(/\/sign-in/);
  await signIn(firstPage, account.email, account.password);
  expect(await alerts()).toBe(0); // the outbox row is written before the sign-in answers, so this is final
  const cookie = (await first.cookies()).find((c) => c.name === "qn-device");
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax" });
  expect(cookie!.expires * 1000 - Date.now()).toBeGreaterThan(399 * 86_400_000);

  const second = await browser.newContext({ locale: "zh-CN" });
  await signIn(await second.newPage(), account.email, account.password);
  const mail = await mailbox.waitForEmail((m) => m.to === account.email && m.subject.includes("新设备"));
  expect(mail.text).toContain("你的钱能钱包账户刚刚在一台从未使用过的设备上登录");
  expect(mail.text).toMatch(/IP）：(127\.0\.0\.\*|0:0:0:0:…)/);
  const link = notMeLink(mail.text)!;
  expect(link).toBeTruthy();
  const sms = await mailbox.waitForSms((m) => m.to === account.mobile && m.text.includes("新设备"));
  expect(notMeLink(sms.text)).toBeTruthy();
  expect(await alerts()).toBe(2);

  // The alert is in the owner's history too.
  const page = await second.newPage();
  await page.goto("/account/security");
  await expect(page.getByTestId("history-entry").first()).toContainText("新设备登录");

  // The owner did not sign in there: the alert's link, confirmed, freezes the account and signs both browsers out.
  const owner = await browser.newContext({ locale: "zh-CN" });
  const ownerPage = await owner.newPage();
  await ownerPage.goto(link);
  await ownerPage.getByRole("button", { name: "冻结账户并重设密码" }).click();
  await expect(ownerPage.getByTestId("not-me-done")).toContainText("你的账户已冻结");
  const user = await (await e2eDb()).selectFrom("users").select("status").where("id", "=", account.id).executeTakeFirstOrThrow();
  expect(user.status).toBe("self_frozen");
  await firstPage.goto("/account");
  await expect(firstPage).toHaveURL(/\/sign-in/);
  await expect(firstPage.locator("main")).toContainText("冻结");
  await mailbox.waitForEmail((m) => m.to === account.email && m.subject.includes("重置"));
  await Promise.all([first.close(), second.close(), owner.close()]);
});
