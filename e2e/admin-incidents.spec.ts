import { expect, test } from "@playwright/test";
import { fillSignIn, useLocaleCookie } from "./helpers";
import { createAccount, e2eDb } from "./support/accounts";
import { createAgent, signInAgent } from "./support/agents";
import { axeViolations } from "./support/axe";

/** The agent's console changes, in order, as the audit log holds them. */
const auditRows = async (agentId: string) =>
  (await (await e2eDb()).selectFrom("security_events").select(["type", "detail"]).where("user_id", "=", agentId).orderBy("id").execute())
    .map((e) => ({ type: e.type, detail: JSON.parse(e.detail ?? "{}") as Record<string, unknown> }))
    .filter((e) => e.detail.actor === agentId)
    .map((e) => [e.type, e.detail.reason]);

test("[agent] posts an incident affecting sign-in, updates it and resolves it; edits the Android version rule; each change leaves an audit row", async ({ page }) => {
  const agent = await createAgent();
  await signInAgent(page, agent);
  await page.goto("/admin");
  await page.getByRole("navigation", { name: "控制台" }).getByRole("link", { name: "服务事件" }).click();
  await expect(page).toHaveURL(/\/admin\/incidents$/);

  const title = `短信验证码延迟 ${agent.id.slice(0, 8)}`;
  await page.getByLabel("标题（中文）").fill(title);
  await page.getByLabel("标题（英文）").fill("SMS codes delayed");
  await page.getByLabel("说明（中文）").fill("部分用户收不到短信验证码，我们正在调查。");
  await page.getByLabel("说明（英文）").fill("Some users do not receive SMS codes; we are investigating.");
  await page.getByLabel("影响程度").selectOption("major");
  await page.getByLabel("原因").fill("ok");
  await page.getByRole("button", { name: "发布事件" }).click();
  await expect(page.locator("#create-reason-error")).toHaveText("请填写至少 5 个字的原因。");
  await expect(page.locator("#incident-features-error")).toHaveText("请至少勾选一项受影响的功能。");
  await expect(page.getByLabel("标题（中文）")).toHaveValue(title);
  const features = page.getByRole("group", { name: "受影响的功能" });
  await features.getByLabel("验证码", { exact: true }).check();
  await features.getByLabel("支付", { exact: true }).check();
  await page.getByLabel("原因").fill("many users report missing SMS codes");
  await page.getByRole("button", { name: "发布事件" }).click();
  await expect(page).toHaveURL(/\/admin\/incidents\/[0-9a-f-]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(page.getByTestId("incident-status")).toHaveText("调查中");
  await expect(page.getByTestId("incident-status").locator("..")).toContainText("验证码 · 支付");
  const stored = await (await e2eDb()).selectFrom("incidents").select(["features", "affects_sign_in"]).where("title_zh", "=", title).executeTakeFirstOrThrow();
  expect({ features: JSON.parse(stored.features), affectsSignIn: Number(stored.affects_sign_in) }).toEqual({ features: ["verification_codes", "payments"], affectsSignIn: 1 });

  await page.getByLabel("状态").selectOption("identified");
  await page.getByLabel("说明（中文）").fill("短信通道故障，已切换备用通道。");
  await page.getByLabel("说明（英文）").fill("An SMS provider failed; traffic moved to the backup.");
  await page.getByLabel("原因").fill("provider confirmed the outage");
  await page.getByRole("button", { name: "发布进展" }).click();
  await expect(page.locator("#update-message")).toHaveText("进展已发布。");
  await expect(page.getByTestId("incident-status")).toHaveText("已找到原因");
  await expect(page.getByLabel("原因")).toHaveValue("");

  await page.getByLabel("状态").selectOption("resolved");
  await page.getByLabel("说明（中文）").fill("短信验证码已恢复正常。");
  await page.getByLabel("说明（英文）").fill("SMS codes arrive normally again.");
  await page.getByLabel("原因").fill("delivery back to normal for an hour");
  await page.getByRole("button", { name: "发布进展" }).click();
  await expect(page.getByTestId("incident-status")).toHaveText("已解决");
  await expect(page.getByText("这条事件已解决。")).toBeVisible();
  await expect(page.getByTestId("incident-timeline").locator("li")).toHaveCount(3);
  await page.goto("/admin/incidents");
  await expect(page.getByTestId("recent-incidents")).toContainText(title);

  await page.getByRole("navigation", { name: "控制台" }).getByRole("link", { name: "App 版本" }).click();
  const android = page.locator("section", { has: page.getByRole("heading", { name: "Android" }) });
  await android.getByLabel("最低可用版本").fill("9.0.0");
  await android.getByLabel("最新版本").fill("5.9");
  await android.getByLabel("下载地址").fill("http://www.qianneng.test/download/android");
  await android.getByLabel("原因").fill("old builds fail the new TLS setup");
  await android.getByRole("button", { name: "保存 Android 规则" }).click();
  await expect(android.locator("#android-latest-error")).toHaveText("请填写语义化版本号，例如 5.8.1。");
  await expect(android.locator("#android-update-url-error")).toHaveText("请填写以 https:// 开头的完整下载地址。");
  await android.getByLabel("最新版本").fill("5.9.0");
  await android.getByLabel("下载地址").fill("https://www.qianneng.test/download/android");
  await android.getByRole("button", { name: "保存 Android 规则" }).click();
  await expect(android.locator("#android-minimum-error")).toHaveText("最低版本不能高于最新版本。");
  await android.getByLabel("最低可用版本").fill("5.6.0");
  await android.getByRole("button", { name: "保存 Android 规则" }).click();
  await expect(android.locator("#android-message")).toHaveText("规则已保存。");
  const rule = await (await e2eDb()).selectFrom("client_version_rules").select(["minimum", "latest", "updated_by"]).where("platform", "=", "android").executeTakeFirstOrThrow();
  expect(rule).toEqual({ minimum: "5.6.0", latest: "5.9.0", updated_by: agent.id });

  expect(await auditRows(agent.id)).toEqual([
    ["incident_created", "many users report missing SMS codes"],
    ["incident_updated", "provider confirmed the outage"],
    ["incident_resolved", "delivery back to normal for an hour"],
    ["client_version_rule_updated", "old builds fail the new TLS setup"],
  ]);
});

test("[user] a user without role agent gets 404 on the incident and version pages", async ({ page }) => {
  const user = await createAccount();
  await page.goto("/sign-in");
  const form = await fillSignIn(page, user.email, user.password);
  await form.locator('button[type="submit"]').click();
  await expect(page).toHaveURL(/\/account$/);
  for (const path of ["/admin/incidents", "/admin/incidents/00000000-0000-4000-8000-000000000001", "/admin/app-versions"]) {
    expect((await page.request.get(path)).status(), path).toBe(404);
  }
});

for (const locale of ["zh-CN", "en"] as const) {
  test(`[agent] axe finds no violations on the incident and version pages (${locale})`, async ({ page }) => {
    const agent = await createAgent();
    await useLocaleCookie(page, locale);
    await signInAgent(page, agent);
    await page.goto("/admin/incidents");
    await expect(page.locator("html")).toHaveAttribute("lang", locale);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel(/标题（中文）|Title \(Chinese\)/).fill("登录缓慢");
    await page.getByLabel(/标题（英文）|Title \(English\)/).fill("Slow sign-in");
    await page.getByLabel(/说明（中文）|Description \(Chinese\)/).fill("登录比平时慢。");
    await page.getByLabel(/说明（英文）|Description \(English\)/).fill("Sign-in is slower than usual.");
    // Payments only: this incident stays open and must not put a banner on other specs' sign-in pages.
    await page.getByLabel(/^(支付|Payments)$/).check();
    await page.getByLabel(/^(原因|Reason)$/).fill("checking the accessibility of the pages");
    await page.getByRole("button", { name: /发布事件|Post incident/ }).click();
    await expect(page).toHaveURL(/\/admin\/incidents\/[0-9a-f-]+$/);
    expect(await axeViolations(page)).toEqual([]);
    await page.goto("/admin/app-versions");
    await expect(page.getByRole("heading", { name: "HarmonyOS" })).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
  });
}
