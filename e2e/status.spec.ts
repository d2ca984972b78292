import { expect, test, type Browser, type Page } from "@playwright/test";
import { fillSignIn, formMessage } from "./helpers";
import { createAccount } from "./support/accounts";
import { createAgent, signInAgent } from "./support/agents";
import { axeViolations } from "./support/axe";

type StatusJson = { open: { id: string; title: { zh: string; en: string }; features: string[]; status: string; createdAt: string; resolvedAt: string | null; updates: { status: string }[] }[]; recent: StatusJson["open"] };

const BEIJING_TIME = /\d{4}年\d{1,2}月\d{1,2}日 \d\d:\d\d 中国标准时间/;
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

async function openVisitor(browser: Browser, locale: "zh-CN" | "en" = "zh-CN"): Promise<Page> {
  const context = await browser.newContext({ locale });
  await context.addCookies([{ name: "NEXT_LOCALE", value: locale, domain: "localhost", path: "/" }]);
  return context.newPage();
}

/** The banner line naming this incident: other specs may have incidents of their own open at the same time. */
const bannerOf = (page: Page, title: string) => page.getByTestId("incident-banner").filter({ hasText: title });

test("[agent] an incident affecting sign-in shows on /status, as a banner, in a failed sign-in and in /api/status until it is resolved", async ({ page, browser }) => {
  const agent = await createAgent();
  const tag = agent.id.slice(0, 8);
  const title = { zh: `登录失败 ${tag}`, en: `Sign-in failing ${tag}` };
  await signInAgent(page, agent);
  await page.goto("/admin/incidents");
  await page.getByLabel("标题（中文）").fill(title.zh);
  await page.getByLabel("标题（英文）").fill(title.en);
  await page.getByLabel("说明（中文）").fill("部分用户登录时提示服务暂不可用。");
  await page.getByLabel("说明（英文）").fill("Some users are told the service is unavailable.");
  await page.getByLabel("影响程度").selectOption("major");
  const features = page.getByRole("group", { name: "受影响的功能" });
  await features.getByLabel("登录", { exact: true }).check();
  await features.getByLabel("验证码", { exact: true }).check();
  await page.getByLabel("原因").fill("many users cannot sign in");
  await page.getByRole("button", { name: "发布事件" }).click();
  await expect(page).toHaveURL(/\/admin\/incidents\/[0-9a-f-]+$/);
  const id = page.url().split("/").pop()!;

  const user = await openVisitor(browser);
  await user.goto("/status");
  const card = user.getByTestId("open-incidents").getByTestId("status-incident").filter({ hasText: title.zh });
  await expect(card.getByRole("heading", { level: 3 })).toHaveText(title.zh);
  await expect(card).toContainText("登录、验证码");
  await expect(card).toContainText("调查中");
  await expect(card).toContainText("大量用户受影响");
  await expect(card).toContainText("部分用户登录时提示服务暂不可用。");
  await expect(card.locator("time").first()).toHaveText(BEIJING_TIME);

  for (const path of ["/sign-in", "/forgot-password"]) {
    await user.goto(path);
    await expect(bannerOf(user, title.zh)).toBeVisible();
    await expect(bannerOf(user, title.zh).getByRole("link", { name: "查看服务状态" })).toHaveAttribute("href", "/status");
  }
  const english = await openVisitor(browser, "en");
  await english.goto("/sign-in");
  await expect(bannerOf(english, title.en)).toContainText("Signing in is affected by a known problem");

  await user.goto("/sign-in");
  const form = await fillSignIn(user, (await createAccount()).email, "not-the-password");
  await form.locator('button[type="submit"]').click();
  await expect(formMessage(user)).toContainText("账号或密码不正确");
  // It names the newest sign-in incident: another spec's may be newer than this one while both are open.
  await expect(formMessage(user).getByTestId("known-incident")).toContainText("登录目前受到一个已知问题的影响（");
  await expect(formMessage(user).getByRole("link", { name: "查看服务状态" })).toHaveAttribute("href", "/status");

  const open = await user.request.get("/api/status");
  expect(open.headers()["cache-control"]).toBe("public, max-age=30");
  const openJson = (await open.json()) as StatusJson;
  expect(openJson.open.find((i) => i.id === id)).toMatchObject({ title, features: ["sign_in", "verification_codes"], status: "investigating", createdAt: expect.stringMatching(ISO), resolvedAt: null, updates: [{ status: "investigating" }] });
  expect(openJson.recent.map((i) => i.id)).not.toContain(id);

  await page.getByLabel("状态").selectOption("resolved");
  await page.getByLabel("说明（中文）").fill("登录已恢复正常。");
  await page.getByLabel("说明（英文）").fill("Sign-in works normally again.");
  await page.getByLabel("原因").fill("sign-in back to normal");
  await page.getByRole("button", { name: "发布进展" }).click();
  await expect(page.getByTestId("incident-status")).toHaveText("已解决");

  await user.goto("/sign-in");
  await expect(user.getByRole("heading", { level: 1 })).toHaveText("登录钱能钱包");
  await expect(bannerOf(user, title.zh)).toHaveCount(0);
  await user.goto("/status");
  await expect(user.getByTestId("open-incidents").filter({ hasText: title.zh })).toHaveCount(0);
  const resolved = user.getByTestId("recent-incidents").getByTestId("status-incident").filter({ hasText: title.zh });
  await expect(resolved.getByTestId("resolved-time")).toHaveText(BEIJING_TIME);
  await expect(resolved.locator("ol li").first()).toContainText("登录已恢复正常。");
  const after = (await (await user.request.get("/api/status")).json()) as StatusJson;
  expect(after.open.map((i) => i.id)).not.toContain(id);
  expect(after.recent.find((i) => i.id === id)).toMatchObject({ status: "resolved", resolvedAt: expect.stringMatching(ISO), updates: [{ status: "resolved" }, { status: "investigating" }] });
  await user.context().close();
  await english.context().close();
});

test("[visitor] the status page is linked from the footer", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByRole("contentinfo").getByRole("link", { name: "服务状态", exact: true }).click();
  await expect(page).toHaveURL(/\/status$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("服务状态");
});

for (const locale of ["zh-CN", "en"] as const) {
  test(`[agent] axe finds no violations on /status and on /sign-in with the incident banner (${locale})`, async ({ page, browser }) => {
    const agent = await createAgent();
    await signInAgent(page, agent);
    await page.goto("/admin/incidents");
    await page.getByLabel("标题（中文）").fill(`验证码延迟 ${agent.id.slice(0, 8)}`);
    await page.getByLabel("标题（英文）").fill(`Codes delayed ${agent.id.slice(0, 8)}`);
    await page.getByLabel("说明（中文）").fill("验证码短信延迟。");
    await page.getByLabel("说明（英文）").fill("Code messages are late.");
    await page.getByRole("group", { name: "受影响的功能" }).getByLabel("验证码", { exact: true }).check();
    await page.getByLabel("原因").fill("checking the status pages for accessibility");
    await page.getByRole("button", { name: "发布事件" }).click();
    await expect(page).toHaveURL(/\/admin\/incidents\/[0-9a-f-]+$/);

    const user = await openVisitor(browser, locale);
    for (const path of ["/sign-in", "/status"]) {
      await user.goto(path);
      await expect(user.locator("html")).toHaveAttribute("lang", locale);
      await expect(user.getByText(`${agent.id.slice(0, 8)}`).first()).toBeVisible();
      expect(await axeViolations(user), path).toEqual([]);
    }

    await page.getByLabel("状态").selectOption("resolved");
    await page.getByLabel("说明（中文）").fill("已恢复。");
    await page.getByLabel("说明（英文）").fill("Back to normal.");
    await page.getByLabel("原因").fill("codes arrive on time again");
    await page.getByRole("button", { name: "发布进展" }).click();
    await expect(page.getByTestId("incident-status")).toHaveText("已解决");
    await user.goto("/status");
    await expect(user.getByTestId("recent-incidents")).toContainText(agent.id.slice(0, 8));
    expect(await axeViolations(user)).toEqual([]);
    await user.context().close();
  });
}
