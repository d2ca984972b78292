import { expect, test } from "@playwright/test";
import { DEMO, failureText, fillSignIn, formMessage, signIn, signInForm, useLocaleCookie } from "./helpers";

test("[user] signs in by email in Chinese and sees the account overview", async ({ page }) => {
  await page.goto("/sign-in");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("登录钱能钱包");
  await signIn(page, DEMO.email);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`你好,${DEMO.name}`);
  await expect(page.getByTestId("balance")).toContainText("¥");
  await expect(page.getByTestId("masked-email")).toHaveText("d***o@qianneng.test");
  await expect(page.getByTestId("masked-mobile")).toHaveText("+86 138****8000");
  await expect(page.getByTestId("this-device")).toContainText("Chrom");
});

test("[user] signs in by a spaced mobile number in English", async ({ page }) => {
  await useLocaleCookie(page, "en");
  await page.goto("/sign-in");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in to Qianneng Wallet");
  await signIn(page, DEMO.mobile);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Hello, ${DEMO.name}`);
});

test("[user] +86 and hyphens name the same account", async ({ page }) => {
  await signIn(page, "+86 138-0013-8000");
  await expect(page.getByRole("heading", { level: 1 })).toContainText(DEMO.name);
});

test("[user] the language switch changes the page and <html lang>", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByRole("button", { name: "Switch to English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in to Qianneng Wallet");
  await page.getByRole("button", { name: "切换到中文" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
});

test("[locked-out] a wrong password and an unknown account get the very same message", async ({ page }) => {
  await page.goto("/sign-in");
  let form = await fillSignIn(page, DEMO.email, "not-my-password");
  await form.locator('button[type="submit"]').click();
  await expect(formMessage(page)).toContainText("账号或密码不正确");
  const wrongPassword = await failureText(page);

  await page.goto("/sign-in");
  form = await fillSignIn(page, "nobody-here@qianneng.test", "not-my-password");
  await form.locator('button[type="submit"]').click();
  await expect(formMessage(page)).toContainText("账号或密码不正确");
  expect(await failureText(page)).toBe(wrongPassword);
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(form.locator('input[name="identifier"]')).toHaveValue("nobody-here@qianneng.test");
  await expect(form.locator('input[name="password"]')).toHaveValue("");
});

test("[user] empty and malformed input get a message next to the field", async ({ page }) => {
  await page.goto("/sign-in");
  const form = signInForm(page);
  await form.locator('button[type="submit"]').click();
  await expect(page.locator("#identifier-error")).toHaveText("请输入邮箱或手机号。");
  await expect(page.locator("#password-error")).toHaveText("请输入密码。");
  await expect(form.locator('input[name="identifier"]')).toHaveAttribute("aria-invalid", "true");

  await fillSignIn(page, "12345", "x");
  await form.locator('button[type="submit"]').click();
  await expect(page.locator("#identifier-error")).toContainText("请输入有效的邮箱地址或手机号");

  await fillSignIn(page, `${"a".repeat(280)}@qianneng.test`, "x".repeat(1050));
  await form.locator('button[type="submit"]').click();
  await expect(page.locator("#identifier-error")).toContainText("不超过 256 个字符");
  await expect(page.locator("#password-error")).toContainText("不超过 1024 个字符");
});

test("[user] show/hide password and the Caps Lock hint", async ({ page }) => {
  await page.goto("/sign-in");
  const password = signInForm(page).locator('input[name="password"]');
  await expect(password).toHaveAttribute("type", "password");
  await expect(password).toHaveAttribute("autocomplete", "current-password");
  await expect(signInForm(page).locator('input[name="identifier"]')).toHaveAttribute("autocomplete", "username webauthn");
  await page.getByRole("button", { name: "显示密码" }).click();
  await expect(password).toHaveAttribute("type", "text");
  await page.getByRole("button", { name: "隐藏密码" }).click();
  await expect(password).toHaveAttribute("type", "password");
  await password.click();
  await page.keyboard.press("CapsLock");
  await page.keyboard.press("A");
  await expect(page.getByText("大写锁定已开启")).toBeVisible();
});

test("[user] signs out, and the old session cookie no longer opens the account", async ({ page, context }) => {
  await signIn(page);
  const stolen = (await context.cookies()).filter((c) => c.name.includes("authjs.session-token"));
  expect(stolen.length).toBeGreaterThan(0);
  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page).toHaveURL(/\/sign-in\?signedOut=1/);
  await expect(page.getByText("你已安全退出。")).toBeVisible();

  // Replaying the cookie copied before sign-out: the server-side record is gone.
  await context.addCookies(stolen);
  await page.goto("/account");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Faccount/);
});

test("[visitor] /account sends a visitor to sign in and back", async ({ page }) => {
  await page.goto("/account");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Faccount$/);
  const form = await fillSignIn(page, DEMO.email, DEMO.password);
  await form.locator('button[type="submit"]').click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(DEMO.name);
});

test("[visitor] a callbackUrl to another site is ignored", async ({ page }) => {
  await page.goto("/sign-in?callbackUrl=//evil.test/steal");
  const form = await fillSignIn(page, DEMO.email, DEMO.password);
  await form.locator('button[type="submit"]').click();
  await expect(page).toHaveURL(/localhost:\d+\/account$/);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("[user] signs in with JavaScript disabled", async ({ page }) => {
    await page.goto("/account");
    await expect(page).toHaveURL(/\/sign-in/);
    const form = await fillSignIn(page, DEMO.email, DEMO.password);
    await form.locator('button[type="submit"]').click();
    await expect(page).toHaveURL(/\/account$/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(DEMO.name);
  });

  test("[locked-out] sees the failure message with JavaScript disabled", async ({ page }) => {
    await page.goto("/sign-in");
    const form = await fillSignIn(page, DEMO.email, "wrong-password-1");
    await form.locator('button[type="submit"]').click();
    await expect(formMessage(page)).toContainText("账号或密码不正确");
    await expect(signInForm(page).locator('input[name="identifier"]')).toHaveValue(DEMO.email);
  });
});

test("[user] offline: told the password was not checked, then signs in once back online", async ({ page, context }) => {
  await page.goto("/sign-in");
  const form = await fillSignIn(page, DEMO.email, DEMO.password);
  await context.setOffline(true);
  await form.locator('button[type="submit"]').click();
  await expect(formMessage(page)).toContainText("你的密码尚未被验证");
  await expect(page).toHaveURL(/\/sign-in/);
  await context.setOffline(false);
  await form.locator('input[name="password"]').fill(DEMO.password);
  await form.locator('button[type="submit"]').click();
  await expect(page).toHaveURL(/\/account$/);
});

test("[user] a dropped request is a network failure, not wrong credentials", async ({ page }) => {
  await page.goto("/sign-in");
  const form = await fillSignIn(page, DEMO.email, DEMO.password);
  await page.route("**/sign-in", (route) => (route.request().method() === "POST" ? route.abort("connectionreset") : route.continue()));
  await form.locator('button[type="submit"]').click();
  await expect(formMessage(page)).toContainText("无法连接到服务器");
  await expect(formMessage(page)).not.toContainText("账号或密码不正确");
});
