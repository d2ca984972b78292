import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import sharp from "sharp";
import { createAccount, e2eDb } from "./support/accounts";
import { axeViolations } from "./support/axe";
import { mailbox } from "./support/mailbox-client";
import { signIn } from "./helpers";

/** An agent's decision or housekeeping, run as the server would (its secret and address: playwright.config.ts). */
function runRecovery(...args: string[]): string {
  const env = { ...process.env, AUTH_SECRET: process.env.E2E_AUTH_SECRET, APP_URL: process.env.E2E_BASE_URL ?? `http://localhost:${process.env.E2E_PORT}` };
  return execFileSync("node_modules/.bin/tsx", ["--tsconfig", "e2e/tsconfig.json", "e2e/support/decide-recovery.ts", ...args], { env, encoding: "utf8" }).trim();
}

const NEW_PASSWORD = "Lantern-Orbit-7-Quay!";
const newEmail = () => `recover-${randomUUID().slice(0, 8)}@qianneng.test`;

async function idPhoto(): Promise<Buffer> {
  return sharp({ create: { width: 40, height: 25, channels: 3, background: "#dde3ee" } }).png().toBuffer();
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

test("[locked-out] approved by an agent, a reset link reaches the new contact and the old sessions are gone", async ({ page, browser }) => {
  test.setTimeout(60_000);
  const [owner, agent] = [await createAccount(), await createAccount()];
  const db = await e2eDb();
  await db.updateTable("users").set({ role: "agent" }).where("id", "=", agent.id).execute();
  const elsewhere = await (await browser.newContext({ locale: "zh-CN" })).newPage();
  await signIn(elsewhere, owner.email, owner.password);

  const contact = newEmail();
  const reference = await fileRequest(page, { contact, account: owner.email });
  const { id } = await db.selectFrom("recovery_requests").select("id").where("reference", "=", reference).executeTakeFirstOrThrow();
  runRecovery("approve", id, agent.id);

  await elsewhere.reload();
  await expect(elsewhere).toHaveURL(/\/sign-in/);
  const warning = await mailbox.waitForEmail((m) => m.to === owner.email && m.text.includes(reference));
  expect(warning.text).toContain("72");

  // The 72 h hold, passed by moving the due time; then housekeeping sends the link.
  await db.updateTable("recovery_requests").set({ reset_link_due_at: Date.now() - 1 }).where("id", "=", id).execute();
  runRecovery("send-links");
  const mail = await mailbox.waitForEmail((m) => m.to === contact && m.text.includes("/reset-password?"));
  await page.goto(/https?:\/\/\S+\/reset-password\?\S+/.exec(mail.text)?.[0] ?? "/");
  await page.getByRole("button", { name: "继续设置新密码" }).click();
  await expect(page).toHaveURL(/\/reset-password$/);
  await page.getByLabel("新密码", { exact: true }).fill(NEW_PASSWORD);
  await page.getByLabel("再次输入新密码").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "保存新密码" }).click();
  await expect(page).toHaveURL(/\/sign-in\?reset=1/);
  await signIn(page, contact, NEW_PASSWORD);
});
