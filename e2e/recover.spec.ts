import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { expect, test, type Browser, type Page } from "@playwright/test";
import sharp from "sharp";
import { createAccount, e2eDb } from "./support/accounts";
import { createAgent, signInAgent as signInAgentOn } from "./support/agents";
import { axeViolations } from "./support/axe";
import { mailbox } from "./support/mailbox-client";
import { setNewPasswordFromLink, signIn } from "./helpers";

/** Housekeeping, run as the server would (its secret and address: playwright.config.ts). */
function sendDueRecoveryLinks(): string {
  const env = { ...process.env, AUTH_SECRET: process.env.E2E_AUTH_SECRET, APP_URL: process.env.E2E_BASE_URL ?? `http://localhost:${process.env.E2E_PORT}` };
  return execFileSync("node_modules/.bin/tsx", ["--tsconfig", "e2e/tsconfig.json", "e2e/support/send-recovery-links.ts"], { env, encoding: "utf8" }).trim();
}

const NEW_PASSWORD = "Lantern-Orbit-7-Quay!";
const newEmail = () => `recover-${randomUUID().slice(0, 8)}@qianneng.test`;

async function idPhoto(): Promise<Buffer> {
  return sharp({ create: { width: 40, height: 25, channels: 3, background: "#dde3ee" } }).png().toBuffer();
}

/** An agent with an authenticator app, signed in with its TOTP code in a context of its own. */
async function signInAgent(browser: Browser, locale: "zh-CN" | "en" = "zh-CN"): Promise<{ desk: Page; agentId: string }> {
  const agent = await createAgent();
  const desk = await (await browser.newContext({ locale })).newPage();
  await desk.context().addCookies([{ name: "NEXT_LOCALE", value: locale, domain: "localhost", path: "/" }]);
  await signInAgentOn(desk, agent);
  return { desk, agentId: agent.id };
}

/** Files a request through /recover with a new email proved by its code; answers the reference shown. */
async function fileRequest(page: Page, { contact, account }: { contact: string; account: string }): Promise<string> {
  await page.goto("/recover");
  await page.getByLabel("新的邮箱或手机号").fill(contact);
  await page.getByRole("button", { name: "发送验证码" }).click();
  const mail = await mailbox.waitForEmail((m) => m.to === contact && m.subject.includes("找回"));
  const code = /\b(\d{6})\b/.exec(mail.text)?.[1] ?? "";
  await page.getByLabel("验证码").fill(code);
  await page.getByLabel("丢失账户的邮箱或手机号").fill(account);
  await page.getByLabel("大约注册时间").fill("2026-01");
  await page.getByLabel("最近一笔交易的金额（元）").fill("88.00");
  await page.getByLabel("证件照片").setInputFiles({ name: "id.png", mimeType: "image/png", buffer: await idPhoto() });
  await page.getByRole("button", { name: "提交申请" }).click();
  await expect(page.locator("#recovery-reference")).toHaveText(/^QN-\d{4}-\d{6}$/);
  return (await page.locator("#recovery-reference").textContent()) ?? "";
}

test("[locked-out] files a recovery request with a new email verified by code and an ID photo, gets a reference; the same flow for an unknown identifier looks the same", async ({ page }) => {
  const owner = await createAccount();
  await page.goto("/recover");
  expect(await axeViolations(page)).toEqual([]);
  await page.context().addCookies([{ name: "NEXT_LOCALE", value: "en", domain: "localhost", path: "/" }]);
  await page.reload();
  await expect(page.getByRole("heading", { name: "Lost both your email and your phone?" })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  await page.context().addCookies([{ name: "NEXT_LOCALE", value: "zh-CN", domain: "localhost", path: "/" }]);

  const real = await fileRequest(page, { contact: newEmail(), account: owner.email });
  const realText = (await page.getByRole("status").innerText()).replace(real, "REF");
  expect(await axeViolations(page)).toEqual([]);
  const phantom = await fileRequest(page, { contact: newEmail(), account: `nobody-${randomUUID().slice(0, 8)}@qianneng.test` });
  expect((await page.getByRole("status").innerText()).replace(phantom, "REF")).toBe(realText);

  const db = await e2eDb();
  const rows = await db.selectFrom("recovery_requests").select(["reference", "user_id"]).where("reference", "in", [real, phantom]).execute();
  expect(new Map(rows.map((r) => [r.reference, r.user_id]))).toEqual(new Map([[real, owner.id], [phantom, null]]));
});

test("[agent] reviews a recovery request (photo shown, answers checked), approves it with a reason; after the hold the reset link reaches the new contact and the old sessions are gone", async ({ page, browser }) => {
  test.setTimeout(90_000);
  const owner = await createAccount();
  const db = await e2eDb();
  const elsewhere = await (await browser.newContext({ locale: "zh-CN" })).newPage();
  await signIn(elsewhere, owner.email, owner.password);

  await db.updateTable("users").set({ created_at: Date.UTC(2026, 0, 15) }).where("id", "=", owner.id).execute();
  const contact = newEmail();
  const reference = await fileRequest(page, { contact, account: owner.email });
  const { id } = await db.selectFrom("recovery_requests").select("id").where("reference", "=", reference).executeTakeFirstOrThrow();

  const { desk, agentId } = await signInAgent(browser);
  await desk.goto("/admin");
  await desk.getByRole("link", { name: "找回申请队列" }).click();
  await desk.getByTestId("recovery-queue").getByRole("link", { name: reference }).click();
  await expect(desk.getByTestId("recovery-evidence")).toContainText(contact);
  await expect(desk.getByTestId("recovery-evidence")).toContainText(owner.email);
  await expect(desk.getByTestId("check-month")).toHaveText("与账户相符");
  await expect(desk.getByTestId("check-amount")).toHaveText("不相符");
  const photo = desk.getByRole("img", { name: `申请 ${reference} 的证件照片` });
  await expect(photo).toBeVisible();
  expect(await photo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(40);
  const served = await desk.request.get(`/api/admin/recovery/${id}/photo`);
  expect(served.status()).toBe(200);
  expect(served.headers()["cache-control"]).toContain("no-store");

  await desk.locator("#approve-reason").fill("ok");
  await desk.getByRole("button", { name: "批准申请" }).click();
  await expect(desk.locator("#approve-reason-error")).not.toBeEmpty();
  await desk.locator("#approve-reason").fill("ID photo matches the account owner");
  await desk.getByRole("button", { name: "批准申请" }).click();
  await expect(desk.getByTestId("recovery-status")).toHaveText("已批准");
  const audit = await db.selectFrom("security_events").select(["type", "detail"]).where("type", "in", ["recovery_evidence_viewed", "recovery_approved"]).where("user_id", "=", owner.id).execute();
  expect(audit.map((e) => e.type).sort()).toEqual(expect.arrayContaining(["recovery_approved", "recovery_evidence_viewed"]));
  for (const event of audit) expect(event.detail).toContain(agentId);
  await desk.context().close();

  await elsewhere.reload();
  await expect(elsewhere).toHaveURL(/\/sign-in/);
  const warning = await mailbox.waitForEmail((m) => m.to === owner.email && m.text.includes(reference));
  expect(warning.text).toContain("72");

  // The 72 h hold, passed by moving the due time; then housekeeping sends the link.
  await db.updateTable("recovery_requests").set({ reset_link_due_at: Date.now() - 1 }).where("id", "=", id).execute();
  sendDueRecoveryLinks();
  const mail = await mailbox.waitForEmail((m) => m.to === contact && m.text.includes("/reset-password?"));
  await page.goto(/https?:\/\/\S+\/reset-password\?\S+/.exec(mail.text)?.[0] ?? "/");
  await setNewPasswordFromLink(page, NEW_PASSWORD);
  await signIn(page, contact, NEW_PASSWORD);
});

test("[user] a user who is not an agent gets 404 on the recovery queue, a request's page and its ID photo", async ({ page }) => {
  const [owner, user] = [await createAccount(), await createAccount()];
  const reference = await fileRequest(page, { contact: newEmail(), account: owner.email });
  const { id } = await (await e2eDb()).selectFrom("recovery_requests").select("id").where("reference", "=", reference).executeTakeFirstOrThrow();
  expect((await page.request.get(`/api/admin/recovery/${id}/photo`)).status()).toBe(404);
  await signIn(page, user.email, user.password);
  expect((await page.goto("/admin/recovery"))?.status()).toBe(404);
  expect((await page.goto(`/admin/recovery/${reference}`))?.status()).toBe(404);
  expect((await page.request.get(`/api/admin/recovery/${id}/photo`)).status()).toBe(404);
});

for (const locale of ["zh-CN", "en"] as const) {
  test(`[agent] axe finds no violations on the recovery queue and a request (${locale})`, async ({ page, browser }) => {
    const owner = await createAccount();
    const reference = await fileRequest(page, { contact: newEmail(), account: owner.email });
    const { desk } = await signInAgent(browser, locale);
    await desk.goto("/admin/recovery");
    await expect(desk.locator("html")).toHaveAttribute("lang", locale);
    await expect(desk.getByTestId("recovery-queue")).toContainText(reference);
    expect(await axeViolations(desk)).toEqual([]);
    await desk.goto(`/admin/recovery/${reference}`);
    await expect(desk.getByRole("img")).toBeVisible();
    expect(await axeViolations(desk)).toEqual([]);
    await desk.context().close();
  });
}
