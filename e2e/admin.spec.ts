import { expect, test, type Page } from "@playwright/test";
import { fillSignIn, useLocaleCookie } from "./helpers";
import { createAccount, e2eDb, type TestAccount } from "./support/accounts";
import { axeViolations } from "./support/axe";
import { enableTwoStep, nextTotpCode } from "./support/two-step";

/** A fresh agent of this spec's own (not the demo agent), with an authenticator app unless told otherwise. */
async function createAgent({ totp = true } = {}): Promise<TestAccount & { secret: string | null }> {
  const agent = await createAccount();
  await (await e2eDb()).updateTable("users").set({ role: "agent" }).where("id", "=", agent.id).execute();
  const secret = totp ? (await enableTwoStep(agent.id, { totp: true })).secret : null;
  return { ...agent, secret };
}

async function signInAgent(page: Page, agent: TestAccount & { secret: string | null }) {
  await page.goto("/sign-in");
  const form = await fillSignIn(page, agent.email, agent.password);
  await form.locator('button[type="submit"]').click();
  if (agent.secret) {
    await expect(page).toHaveURL(/\/sign-in\/two-step/);
    await page.getByLabel(/应用中的 6 位验证码|6-digit code from the app/).fill(await nextTotpCode(agent.secret));
    await page.getByRole("button", { name: /^(验证|Verify)$/ }).click();
  }
  await expect(page).toHaveURL(/\/account$/);
}

/** Five failures on the account's pause count, as failed sign-ins leave them. */
async function pause(userId: string) {
  const [{ createSqlCounterStore }, { accountPauseKey }] = await Promise.all([import("@/lib/server/counters/sql-counter-store"), import("@/lib/server/lockout/pause-key")]);
  const store = createSqlCounterStore(await e2eDb());
  for (let i = 0; i < 5; i++) await store.reserveFailure(accountPauseKey(userId), Date.now());
}

const agentEvents = async (userId: string, agentId: string) =>
  (await (await e2eDb()).selectFrom("security_events").select(["type", "detail"]).where("user_id", "=", userId).orderBy("id").execute())
    .map((e) => ({ type: e.type, detail: JSON.parse(e.detail ?? "{}") as Record<string, unknown> }))
    .filter((e) => e.detail.actor === agentId);

async function openAccount(page: Page, identifier: string) {
  await page.goto("/admin");
  await page.getByLabel("完整的邮箱或手机号").fill(identifier);
  await page.getByRole("button", { name: "查找账户" }).click();
  await expect(page).toHaveURL(/\/admin\/accounts\//);
}

test("[agent] signs in with TOTP, finds an account by exact email, freezes, unfreezes and unlocks it; every action is audited", async ({ page }) => {
  const agent = await createAgent();
  const target = await createAccount();
  await signInAgent(page, agent);

  await page.goto("/admin");
  await page.getByLabel("完整的邮箱或手机号").fill(target.email.slice(0, 10));
  await page.getByRole("button", { name: "查找账户" }).click();
  await expect(page.locator("#identifier-error")).toHaveText("没有匹配的账户。");

  await openAccount(page, target.email.toUpperCase());
  await expect(page.getByTestId("account-state")).toHaveText("正常");
  await expect(page.getByTestId("account-details")).not.toContainText(target.email);

  const freeze = page.locator("section", { has: page.getByRole("heading", { name: "冻结账户" }) });
  await freeze.getByLabel("原因").fill("risk");
  await freeze.getByLabel("案件编号").fill("QN-2026-000777");
  await freeze.getByRole("button", { name: "冻结账户" }).click();
  await expect(freeze.locator("#freeze-reason-error")).toHaveText("请填写至少 5 个字的原因。");
  await freeze.getByLabel("原因").fill("card reported stolen by phone");
  await freeze.getByRole("button", { name: "冻结账户" }).click();
  await expect(page.getByTestId("account-state")).toHaveText("已被客服冻结");
  await expect(page.getByTestId("account-details")).toContainText("QN-2026-000777");

  const unfreeze = page.locator("section", { has: page.getByRole("heading", { name: "解冻账户" }) });
  await unfreeze.getByLabel("原因").fill("owner identity confirmed");
  await unfreeze.getByRole("button", { name: "解冻账户" }).click();
  await expect(page.getByTestId("account-state")).toHaveText("正常");

  await pause(target.id);
  await page.reload();
  await expect(page.getByTestId("account-pause")).toContainText("暂停至");
  const unlock = page.locator("section", { has: page.getByRole("heading", { name: "解除登录暂停" }) });
  await unlock.getByLabel("原因").fill("owner forgot the password, verified");
  await unlock.getByRole("button", { name: "解除暂停" }).click();
  await expect(page.getByTestId("account-pause")).toHaveText("未暂停");

  const events = await agentEvents(target.id, agent.id);
  expect(events.map((e) => [e.type, e.detail.reason])).toEqual([
    ["account_frozen", "card reported stolen by phone"],
    ["account_unfrozen", "owner identity confirmed"],
    ["unlocked", "owner forgot the password, verified"],
  ]);

  // The agent's own account offers no change.
  await openAccount(page, agent.email);
  await expect(page.getByText("这是你自己的账户，请由其他客服处理。")).toBeVisible();
  await expect(page.getByRole("button", { name: "冻结账户" })).toHaveCount(0);
});

test("[user] a user without role agent gets 404 on /admin routes and a refusal from a console action (posted directly)", async ({ page, browser }) => {
  const agent = await createAgent();
  const target = await createAccount();
  // An agent's page with its real freeze form, whose browser then carries a plain user's session instead.
  await signInAgent(page, agent);
  await openAccount(page, target.email);

  const user = await createAccount();
  const context = await browser.newContext();
  const other = await context.newPage();
  await other.goto("/sign-in");
  const signInForm = await fillSignIn(other, user.email, user.password);
  await signInForm.locator('button[type="submit"]').click();
  await expect(other).toHaveURL(/\/account$/);
  for (const path of ["/admin", `/admin/accounts/${target.id}`, "/admin/two-step-first"]) {
    expect((await other.request.get(path)).status(), path).toBe(404);
  }
  const userSession = (await context.cookies()).filter((c) => c.name.endsWith("authjs.session-token"));
  expect(userSession).toHaveLength(1);
  await page.context().addCookies(userSession);
  await context.close();

  const freeze = page.locator("section", { has: page.getByRole("heading", { name: "冻结账户" }) });
  await freeze.getByLabel("原因").fill("not an agent at all");
  await freeze.getByLabel("案件编号").fill("QN-2026-000778");
  await freeze.getByRole("button", { name: "冻结账户" }).click();
  await expect(page.locator("#freeze-message")).toHaveText("此操作不可用。");
  const db = await e2eDb();
  expect((await db.selectFrom("users").select("status").where("id", "=", target.id).executeTakeFirstOrThrow()).status).toBe("active");
  expect(await db.selectFrom("security_events").select("id").where("user_id", "=", target.id).where("type", "=", "account_frozen").execute()).toEqual([]);
});

test("[agent] an agent without 2FA cannot open the console", async ({ page }) => {
  const agent = await createAgent({ totp: false });
  await signInAgent(page, agent);
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/admin\/two-step-first$/);
  await expect(page.getByRole("heading", { name: "请先开启两步验证" })).toBeVisible();
  await expect(page.getByRole("link", { name: "前往安全设置" })).toHaveAttribute("href", "/account/security");
  expect((await page.request.get("/admin/accounts/00000000-0000-4000-8000-000000000001")).url()).toMatch(/\/admin\/two-step-first$/);
  expect(await axeViolations(page)).toEqual([]);
});

for (const locale of ["zh-CN", "en"] as const) {
  test(`[agent] axe finds no violations on /admin pages (${locale})`, async ({ page }) => {
    const agent = await createAgent();
    const target = await createAccount();
    await pause(target.id);
    await useLocaleCookie(page, locale);
    await signInAgent(page, agent);
    await page.goto("/admin");
    await expect(page.locator("html")).toHaveAttribute("lang", locale);
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(`/admin/accounts/${target.id}`);
    await expect(page.getByTestId("account-details")).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
  });
}
