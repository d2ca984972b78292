import { expect, test, type Browser, type Page } from "@playwright/test";
import { fillSignIn, signIn, useLocaleCookie } from "./helpers";
import { createAccount, e2eDb, type TestAccount } from "./support/accounts";
import { axeViolations } from "./support/axe";
import { enableTwoStep } from "./support/two-step";

const IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1";
const WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36";

/** Another browser of the same person, signed in to the account (in English). */
async function signInElsewhere(browser: Browser, account: TestAccount, userAgent: string, options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
  const context = await browser.newContext({ userAgent, locale: "en", ...options });
  await context.addCookies([{ name: "NEXT_LOCALE", value: "en", domain: "localhost", path: "/" }]);
  const page = await context.newPage();
  await signIn(page, account.email, account.password);
  return page;
}

function devicesSection(page: Page) {
  return page.locator("section", { has: page.getByRole("heading", { name: "Devices" }) });
}

async function expectSignedOutFromElsewhere(page: Page) {
  await page.goto("/account");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Faccount$/);
  await expect(page.locator("main")).toContainText("You were signed out from another device.");
}

test("[user] signs in from two browser contexts, sees both devices, signs the other out, and that context is sent to sign-in on its next navigation", async ({ page, browser }) => {
  const account = await createAccount({ locale: "en" });
  const phone = await signInElsewhere(browser, account, IPHONE);
  await useLocaleCookie(page, "en");
  await signIn(page, account.email, account.password);
  // The phone has the page open too, from before it is signed out.
  await phone.goto("/account/security");
  await expect(devicesSection(phone).getByRole("listitem")).toHaveCount(2);

  await page.goto("/account/security");
  const section = devicesSection(page);
  const rows = section.getByRole("list", { name: "Your devices" }).getByRole("listitem");
  await expect(rows).toHaveCount(2);
  const here = rows.filter({ hasText: "This device" });
  await expect(here).toHaveCount(1);
  await expect(here.locator("summary")).toHaveCount(0);
  const other = rows.filter({ hasText: "Mobile Safari 17 · iOS 17.4" });
  await expect(other).toContainText("Signed in");
  await expect(other).toContainText(/IP address (\d+\.\d+\.\d+\.\*|[0-9a-f:]+…)/);
  await expect(other).toContainText(/First seen .+China Standard Time/);
  await expect(other).toContainText(/Last seen .+China Standard Time/);
  await expect(other).not.toContainText("This device");

  await other.getByText("Sign out", { exact: true }).click();
  await other.getByRole("button", { name: "Yes, sign it out" }).click();
  await expect(section.locator("#device-list-message")).toHaveText("That device was signed out. It has to sign in again on its next visit.");
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText("This device");

  // The signed-out phone's open page can no longer act: its form leads to the sign-in page, which says why.
  const stale = devicesSection(phone);
  await stale.getByText("Sign out all other devices").click();
  await stale.getByRole("button", { name: "Yes, sign them all out" }).click();
  await expect(phone).toHaveURL(/\/sign-in\?callbackUrl=%2Faccount%2Fsecurity$/);
  await expect(phone.locator("main")).toContainText("You were signed out from another device.");
  expect((await phone.request.get("/api/account-status")).status()).toBe(401);
  await expectSignedOutFromElsewhere(phone);

  // This browser stays signed in.
  await page.reload();
  await expect(page).toHaveURL(/\/account\/security$/);
  await expect(rows).toHaveCount(1);
});

test("[user] signs out all other devices at once and keeps this one", async ({ page, browser }) => {
  const account = await createAccount({ locale: "en" });
  const phone = await signInElsewhere(browser, account, IPHONE);
  const office = await signInElsewhere(browser, account, WINDOWS);
  await useLocaleCookie(page, "en");
  await signIn(page, account.email, account.password);

  await page.goto("/account/security");
  const section = devicesSection(page);
  const rows = section.getByRole("list", { name: "Your devices" }).getByRole("listitem");
  await expect(rows).toHaveCount(3);
  await section.getByText("Sign out all other devices").click();
  await section.getByRole("button", { name: "Yes, sign them all out" }).click();
  await expect(section.locator("#sign-out-others-message")).toHaveText("Every other device was signed out.");
  await expect(rows).toHaveCount(1);
  await expect(section.getByText("Sign out all other devices")).toHaveCount(0);

  await expectSignedOutFromElsewhere(phone);
  await expectSignedOutFromElsewhere(office);
  await page.goto("/account/security");
  await expect(rows).toHaveCount(1);
});

test("[user] signs another device out without JavaScript", async ({ browser }) => {
  const account = await createAccount({ locale: "en" });
  const phone = await signInElsewhere(browser, account, IPHONE);
  const page = await signInElsewhere(browser, account, WINDOWS, { javaScriptEnabled: false });

  await page.goto("/account/security");
  const section = devicesSection(page);
  const other = section.getByRole("listitem").filter({ hasText: "Mobile Safari" });
  await other.getByText("Sign out", { exact: true }).click();

  // A form rewritten to name someone else's session is refused, and that session lives on.
  const stranger = await createAccount();
  const strangers = await signInElsewhere(browser, stranger, IPHONE);
  const db = await e2eDb();
  const { id: strangerSession } = await db.selectFrom("sessions").select("id").where("user_id", "=", stranger.id).executeTakeFirstOrThrow();
  await other.locator('input[name="id"]').evaluate((input, id) => ((input as HTMLInputElement).value = id), strangerSession);
  await other.getByRole("button", { name: "Yes, sign it out" }).click();
  await expect(section.locator("#device-list-message")).toHaveText("That device is no longer signed in to your account.");
  await expect(section.getByRole("listitem")).toHaveCount(2);
  await strangers.goto("/account");
  await expect(strangers).toHaveURL(/\/account$/);

  await other.getByText("Sign out", { exact: true }).click();
  await other.getByRole("button", { name: "Yes, sign it out" }).click();
  await expect(section.getByRole("listitem")).toHaveCount(1);
  await expect(section.locator("#device-list-message")).toHaveText("That device was signed out. It has to sign in again on its next visit.");

  await expectSignedOutFromElsewhere(phone);
});

test("[user] stops trusting this browser: its next sign-in asks for the second step again", async ({ page }) => {
  const account = await createAccount();
  await enableTwoStep(account.id, { totp: true, backupCodes: ["qnfa2-devaa", "qnfa2-devbb"] });
  const passwordStep = async () => {
    await page.goto("/sign-in");
    const form = await fillSignIn(page, account.email, account.password);
    await form.locator('button[type="submit"]').click();
  };
  await passwordStep();
  await expect(page).toHaveURL(/\/sign-in\/two-step/);
  const backup = page.locator("form").filter({ has: page.locator("#backup-code") });
  await backup.getByLabel("备用验证码").fill("qnfa2-devaa");
  await backup.getByLabel("30 天内信任此浏览器").check();
  await backup.getByRole("button", { name: "使用备用验证码" }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole("button", { name: /退出登录/ })).toBeVisible();

  await page.goto("/account/security");
  const section = page.locator("section", { has: page.getByRole("heading", { name: "登录设备" }) });
  const rows = section.getByRole("listitem");
  await expect(rows).toHaveCount(2);
  const trusted = rows.filter({ hasText: "受信任：登录时跳过第二步验证" });
  await expect(trusted).toContainText("本设备");
  // This browser's session has no button of its own; its trust can be withdrawn.
  await expect(rows.filter({ hasNotText: "受信任" }).locator("summary")).toHaveCount(0);
  await trusted.getByText("取消信任", { exact: true }).click();
  await trusted.getByRole("button", { name: "确定取消信任" }).click();
  await expect(section.locator("#device-list-message")).toHaveText("已取消信任该浏览器。");
  await expect(rows).toHaveCount(1);

  await page.goto("/account");
  await page.getByRole("button", { name: /退出登录/ }).click();
  await expect(page).toHaveURL(/\/sign-in\?signedOut=1$/);
  await passwordStep();
  await expect(page).toHaveURL(/\/sign-in\/two-step/);
});

for (const locale of ["zh-CN", "en"] as const) {
  test(`[user] axe finds no violations on /account/security with its devices (${locale})`, async ({ page, browser }) => {
    const account = await createAccount({ locale });
    await signInElsewhere(browser, account, IPHONE);
    await useLocaleCookie(page, locale);
    await signIn(page, account.email, account.password);
    await page.goto("/account/security");
    await expect(page.locator("html")).toHaveAttribute("lang", locale);
    const rows = page.locator("#devices-heading").locator("xpath=..").getByRole("listitem");
    await expect(rows).toHaveCount(2);
    expect(await axeViolations(page)).toEqual([]);
    // The confirmations, opened.
    await rows.locator("summary").first().click();
    await page.locator("#devices-heading").locator("xpath=..").locator("details summary").last().click();
    expect(await axeViolations(page)).toEqual([]);
  });
}
