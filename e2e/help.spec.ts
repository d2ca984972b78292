import { expect, test, type Page } from "@playwright/test";
import { fillSignIn, formMessage, signIn, signInForm, useLocaleCookie } from "./helpers";
import { createAccount, e2eDb } from "./support/accounts";
import { axeViolations } from "./support/axe";

const NETWORK = "The page does not load, or signing in times out";
const APP = "The app or the browser is out of date, or will not let me in";
const LOST_PHONE = "I lost my phone, or someone else may be in my account";

/** The iOS store address the console's version rule holds (the update outcome shows it). */
async function iosStoreUrl(): Promise<string> {
  const rule = await (await e2eDb()).selectFrom("client_version_rules").select("update_url").where("platform", "=", "ios").executeTakeFirstOrThrow();
  return rule.update_url;
}

// Each of the seven actions: the answers that lead to it, its link and where the link goes.
const PATHS: { answers: string[]; action: string; href: string | (() => Promise<string>); lands?: RegExp }[] = [
  { answers: [NETWORK, "No, everything is slow or does not load"], action: "Check my connection", href: "/help/connection" },
  { answers: ["It says the password is wrong, or I forgot it", "Yes, one of them"], action: "Set a new password", href: "/forgot-password", lands: /\/forgot-password$/ },
  { answers: ["It says sign-in is paused, or the account is frozen"], action: "Check account status", href: "/account-status", lands: /\/account-status$/ },
  { answers: [APP, "In the Qianneng Wallet app"], action: "Qianneng Wallet for iOS", href: iosStoreUrl },
  { answers: [NETWORK, "Yes, only this site fails", "Yes, it fails only in this browser"], action: "Repair this browser", href: "/help/repair", lands: /\/help\/repair$/ },
  { answers: [LOST_PHONE, "Yes"], action: "Freeze my account", href: "/account-status", lands: /\/account-status$/ },
  { answers: ["Something else"], action: "Contact support", href: "/support/new", lands: /\/support\/new$/ },
];

async function walk(page: Page, answers: string[]) {
  await page.goto("/help");
  for (const answer of answers) {
    const before = page.url();
    await page.getByRole("main").getByRole("link", { name: answer, exact: true }).click();
    await expect(page).not.toHaveURL(before);
    await expect(page).toHaveURL(/\/help\?step=/);
  }
}

function troubleshooterSuite() {
  test.beforeEach(async ({ page }) => {
    await useLocaleCookie(page, "en");
  });

  for (const { answers, action, href, lands } of PATHS) {
    test(`[visitor] reaches "${action}" by answering ${answers.length} question(s)`, async ({ page }) => {
      await walk(page, answers);
      const link = page.getByRole("main").getByRole("link", { name: action, exact: true });
      await expect(link).toHaveAttribute("href", typeof href === "string" ? href : await href());
      if (!lands) return;
      await link.click();
      await expect(page).toHaveURL(lands);
    });
  }

  test("[visitor] the outcome names itself in the title, links the service status, and goes back a step or to the start", async ({ page }) => {
    await walk(page, [NETWORK, "No, everything is slow or does not load"]);
    await expect(page).toHaveTitle("Your connection is the likely cause · Can't sign in? · Qianneng Wallet Account Center");
    await expect(page.getByRole("heading", { level: 2 })).toHaveText("Your connection is the likely cause");
    await expect(page.getByRole("main").getByRole("link", { name: "service status" })).toHaveAttribute("href", "/status");
    await page.getByRole("link", { name: "Back", exact: true }).click();
    await expect(page).toHaveURL(/\/help\?step=network$/);
    await expect(page.getByText("Do other websites and apps work on this connection?")).toBeVisible();
    await page.getByRole("link", { name: "Start again" }).click();
    await expect(page).toHaveURL(/\/help$/);
    await expect(page.getByText("What happens when you try to sign in?")).toBeVisible();
  });

  test("[visitor] the update outcome also tells a web user to update the browser", async ({ page }) => {
    await walk(page, [APP, "In a web browser", "No, or I am not sure"]);
    await expect(page.getByRole("heading", { level: 2 })).toHaveText("Update your browser");
    await expect(page.getByText(/update your browser from its settings/)).toBeVisible();
    await expect(page.getByRole("link", { name: "Qianneng Wallet for iOS" })).toHaveAttribute("href", await iosStoreUrl());
  });
}

test.describe("troubleshooter with JavaScript", troubleshooterSuite);

test.describe("troubleshooter without JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  troubleshooterSuite();
});

test("[visitor] a refused sign-in links to /help; a form mistake does not", async ({ page }) => {
  const account = await createAccount();
  await page.goto("/sign-in");
  await expect(page.getByRole("navigation", { name: "登录帮助" }).getByRole("link", { name: "登录不了？" })).toHaveAttribute("href", "/help");

  await signInForm(page).locator('button[type="submit"]').click();
  await expect(signInForm(page).getByText("请输入邮箱或手机号。")).toBeVisible();
  await expect(formMessage(page).getByRole("link")).toHaveCount(0);

  const form = await fillSignIn(page, account.email, "Wrong#password-1");
  await form.locator('button[type="submit"]').click();
  await expect(formMessage(page)).toContainText("账号或密码不正确");
  const help = formMessage(page).getByRole("link", { name: "登录不了？查看帮助" });
  await expect(help).toHaveAttribute("href", "/help");
  await help.click();
  await expect(page).toHaveURL(/\/help$/);
});

test("[user] repair this browser signs it out, clears its cookies and storage, and ends the session for good", async ({ page, browser }) => {
  const account = await createAccount();
  await signIn(page, account.email, account.password);
  await page.evaluate(() => localStorage.setItem("qn-e2e", "stale"));
  const session = (await page.context().cookies()).find((c) => c.name === "authjs.session-token");
  expect(session).toBeDefined();

  await page.goto("/help/repair");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("修复此浏览器");
  await expect(page.getByText("这个浏览器会退出登录。")).toBeVisible();
  await page.getByRole("button", { name: "修复此浏览器" }).click();
  await expect(page).toHaveURL(/\/sign-in\?repaired=1$/);
  await expect(page.getByRole("main").getByRole("status").filter({ hasText: "此浏览器已修复" })).toBeVisible();
  expect((await page.context().cookies()).map((c) => c.name)).not.toContain("authjs.session-token");
  await expect.poll(() => page.evaluate(() => localStorage.length)).toBe(0);

  await page.goto("/account");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Faccount$/);

  // The old cookie, replayed elsewhere, opens nothing: the session row is gone, and the audit says who left.
  const replay = await browser.newContext();
  await replay.addCookies([{ ...session!, sameSite: "Lax" }]);
  const other = await replay.newPage();
  await other.goto("/account");
  await expect(other).toHaveURL(/\/sign-in/);
  await replay.close();
  const db = await e2eDb();
  expect(await db.selectFrom("sessions").select("id").where("user_id", "=", account.id).execute()).toEqual([]);
  const audit = await db.selectFrom("security_events").select("detail").where("user_id", "=", account.id).where("type", "=", "signed_out").execute();
  expect(audit.map((e) => JSON.parse(e.detail ?? "{}"))).toEqual([{ via: "repair_browser" }]);
});

test("[visitor] the repair answers Clear-Site-Data and expires the portal's cookies; another site cannot send it", async ({ request, baseURL }) => {
  const repaired = await request.post("/api/repair-browser", { headers: { Origin: baseURL! }, maxRedirects: 0 });
  expect(repaired.status()).toBe(303);
  expect(repaired.headers()["location"]).toMatch(/\/sign-in\?repaired=1$/);
  expect(repaired.headers()["clear-site-data"]).toBe('"cache", "cookies", "storage"');
  const expired = repaired.headersArray().filter((h) => h.name.toLowerCase() === "set-cookie").map((h) => h.value);
  for (const name of ["authjs.session-token", "__Secure-authjs.session-token", "__Host-authjs.csrf-token", "qn-device", "qn-trusted"]) {
    expect(expired.some((c) => c.startsWith(`${name}=;`) && /Max-Age=0/i.test(c))).toBe(true);
  }
  expect((await request.post("/api/repair-browser", { headers: { Origin: "https://evil.example" }, maxRedirects: 0 })).status()).toBe(403);
  expect((await request.get("/api/repair-browser", { maxRedirects: 0 })).status()).toBe(405);
});

for (const locale of ["zh-CN", "en"] as const) {
  for (const path of ["/help", "/help?step=network-all", "/help?step=update-app", "/help/repair"]) {
    test(`[visitor] ${path} passes axe in ${locale}`, async ({ page }) => {
      await useLocaleCookie(page, locale);
      await page.goto(path);
      await expect(page.locator("html")).toHaveAttribute("lang", locale);
      expect(await axeViolations(page)).toEqual([]);
    });
  }
}
