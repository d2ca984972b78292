import { expect, test, type Page } from "@playwright/test";
import { generate } from "otplib";
import { fillSignIn, signIn, useLocaleCookie } from "./helpers";
import { createAccount, e2eDb, uniqueMobile } from "./support/accounts";
import { axeViolations } from "./support/axe";
import { mailbox } from "./support/mailbox-client";
import { nextTotpCode } from "./support/two-step";

function twoStep(page: Page) {
  return page.locator("main section").filter({ has: page.locator("h2#two-step") });
}

/** The session proved itself 11 minutes ago: past the 10 minutes within which sign-in methods may change. */
async function ageProof(accountId: string) {
  await (await e2eDb()).updateTable("sessions").set({ proved_at: Date.now() - 11 * 60_000 }).where("user_id", "=", accountId).execute();
}

test("[user] adds an authenticator app with the key shown on the page, then gets ten backup codes shown once", async ({ page }) => {
  const account = await createAccount({ mobile: uniqueMobile() });
  await signIn(page, account.email, account.password);
  await page.goto("/account/security");
  const section = twoStep(page);
  const app = section.getByRole("article", { name: "身份验证器应用" });
  await expect(app.getByTestId("two-step-app-status")).toHaveText("未开启");

  await app.getByRole("button", { name: "添加身份验证器应用" }).click();
  await expect(app.getByRole("img", { name: /二维码/ }).locator("svg")).toBeVisible();
  const secret = (await app.getByTestId("totp-key").innerText()).replace(/\s+/g, "");
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);

  const code = app.getByLabel("2. 输入应用显示的 6 位验证码");
  await expect(code).toHaveAttribute("autocomplete", "one-time-code");
  await code.fill("000000");
  await app.getByRole("button", { name: "开启", exact: true }).click();
  await expect(app.getByText("验证码不正确")).toBeVisible();
  await expect(app.getByTestId("totp-key")).toHaveText(/\S/); // the same key stays on screen after a mistake

  await code.fill(await generate({ secret }));
  await app.getByRole("button", { name: "开启", exact: true }).click();
  await expect(app.getByTestId("two-step-app-status")).toHaveText("已开启");
  await expect(app.getByRole("status").filter({ hasText: "以后登录时需要输入其中的验证码" })).toBeVisible();
  await mailbox.waitForEmail((m) => m.to === account.email && m.text.includes("开启了身份验证器应用"));
  await mailbox.waitForSms((m) => m.to === account.mobile && m.text.includes("开启了身份验证器应用"));

  // Signed out, the password alone no longer signs in: the app's code (of the next step: this one was used) does.
  await page.context().clearCookies({ name: "authjs.session-token" });
  await page.goto("/sign-in");
  const signInForm = await fillSignIn(page, account.email, account.password);
  await signInForm.locator('button[type="submit"]').click();
  await expect(page).toHaveURL(/\/sign-in\/two-step/);
  await page.getByLabel("应用中的 6 位验证码").fill(await nextTotpCode(secret));
  await page.getByRole("button", { name: "验证", exact: true }).click();
  await expect(page).toHaveURL(/\/account$/);
  await page.goto("/account/security");

  const backup = section.getByRole("article", { name: "备用验证码" });
  const generateCodes = backup.getByRole("button", { name: "生成备用验证码" });
  await ageProof(account.id);
  await generateCodes.click();
  const confirm = backup.getByRole("group", { name: "确认是你本人" });
  await expect(confirm).toBeVisible();
  await expect(backup.getByRole("listitem")).toHaveCount(0);
  await confirm.getByLabel("登录密码").fill(account.password);
  await confirm.getByRole("button", { name: "用密码确认" }).click();
  await expect(backup.getByText("已确认")).toBeVisible();
  await generateCodes.click();
  const codes = backup.getByRole("list", { name: "你的新备用验证码" }).getByRole("listitem");
  await expect(codes).toHaveCount(10);
  for (const text of await codes.allInnerTexts()) expect(text).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
  await expect(backup.getByText("只显示这一次")).toBeVisible();

  // Shown once: a fresh load of the page lists none of them, only how many are left.
  const shown = await codes.allInnerTexts();
  await page.reload();
  await expect(twoStep(page).getByText("还有 10 个未使用的备用验证码。")).toBeVisible();
  expect(await page.content()).not.toContain(shown[0]);
});

for (const locale of ["zh-CN", "en"] as const) {
  test(`[user] the two-step section passes axe in ${locale}, also while adding an app`, async ({ page }) => {
    const account = await createAccount({ mobile: uniqueMobile(), locale });
    await useLocaleCookie(page, locale);
    await signIn(page, account.email, account.password);
    await page.goto("/account/security");
    await expect(twoStep(page)).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
    const start = locale === "en" ? "Add an authenticator app" : "添加身份验证器应用";
    await twoStep(page).getByRole("button", { name: start }).click();
    await expect(twoStep(page).getByTestId("totp-key")).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
  });
}
