import { expect, test, type Page } from "@playwright/test";
import sharp from "sharp";
import { signIn, useLocaleCookie } from "./helpers";
import { createAccount, e2eDb } from "./support/accounts";
import { createAgent, signInAgent } from "./support/agents";
import { axeViolations } from "./support/axe";
import { mailbox } from "./support/mailbox-client";

const png = () => sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 20, g: 120, b: 200 } } }).png().toBuffer();

/** A signed-in user's ticket with one screenshot; returns its reference. */
async function openUserTicket(page: Page, body: string): Promise<string> {
  await page.goto("/support/new");
  await page.locator("#ticket-category").selectOption("cannot_sign_in");
  await page.locator("#ticket-body").fill(body);
  await page.locator("#ticket-screenshots").setInputFiles([{ name: "screen.png", mimeType: "image/png", buffer: await png() }]);
  await page.locator("main form button[type=submit]").click();
  await expect(page).toHaveURL(/\/support\/QN-\d{4}-\d{6}$/);
  return page.url().split("/").pop()!;
}

test("[locked-out] a visitor opens a 'cannot sign in' ticket with a PNG screenshot; an agent signed in with TOTP finds it in the queue with its screenshot and answers; the visitor sees the answer live and gets an email", async ({ page, browser }) => {
  const account = await createAccount();
  const agent = await createAgent();
  await page.goto("/support/new");
  await page.getByLabel("邮箱或手机号").fill(account.email);
  await page.getByRole("button", { name: "发送验证码" }).click();
  const mail = await mailbox.waitForEmail((m) => m.to === account.email && m.subject.includes("验证码"));
  await page.getByLabel("6 位验证码").fill(/\b(\d{6})\b/.exec(mail.text)![1]);
  await page.getByRole("button", { name: "验证并查看状态" }).click();
  await page.locator("#ticket-category").selectOption("cannot_sign_in");
  await page.locator("#ticket-body").fill("手机丢了，登录不了。");
  await page.locator("#ticket-screenshots").setInputFiles([{ name: "screen.png", mimeType: "image/png", buffer: await png() }]);
  await page.locator("main form button[type=submit]").click();
  await expect(page).toHaveURL(/\/support\/QN-\d{4}-\d{6}$/);
  const reference = page.url().split("/").pop()!;

  const context = await browser.newContext();
  const desk = await context.newPage();
  await signInAgent(desk, agent);
  await desk.goto("/admin");
  await desk.getByRole("link", { name: "工单队列" }).click();
  await expect(desk).toHaveURL(/\/admin\/tickets$/);
  await desk.getByRole("link", { name: reference }).click();
  await expect(desk.getByTestId("agent-conversation")).toContainText("手机丢了，登录不了。");
  const shot = desk.getByRole("img", { name: "截图 1（64×48）" });
  await expect(shot).toBeVisible();
  expect(await shot.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(64);
  await expect(desk.getByRole("link", { name: "打开该账户" })).toHaveAttribute("href", `/admin/accounts/${account.id}`);
  await desk.getByLabel("回复内容").fill("已核实，请按邮件指引重置密码。");
  await desk.getByRole("button", { name: "发送回复" }).click();
  await expect(desk.locator("#reply-message")).toHaveText("回复已发送，已通知用户。");
  await expect(desk.getByTestId("agent-ticket-status")).toHaveText("客服已回复");

  // No reload: the visitor's page polls.
  await expect(page.getByTestId("message-agent")).toContainText("已核实，请按邮件指引重置密码。");
  const answered = await mailbox.waitForEmail((m) => m.to === account.email && m.subject.includes(reference));
  expect(answered.text).toContain(`/support/${reference}`);

  await desk.getByLabel("原因").fill("用户确认问题已解决");
  await desk.getByRole("button", { name: "关闭工单" }).click();
  await expect(desk.getByTestId("agent-ticket-status")).toHaveText("已关闭");
  const events = await (await e2eDb()).selectFrom("security_events").select(["type", "detail"]).where("user_id", "=", account.id).where("type", "in", ["ticket_answered", "ticket_closed"]).orderBy("id").execute();
  expect(events.map((e) => ({ type: e.type, actor: (JSON.parse(e.detail!) as { actor: string }).actor }))).toEqual([
    { type: "ticket_answered", actor: agent.id },
    { type: "ticket_closed", actor: agent.id },
  ]);
  await context.close();
});

test("[user] a user who is not an agent gets 404 on the ticket queue, a ticket's page and an agent's screenshot link", async ({ page, browser }) => {
  const owner = await createAccount();
  await signIn(page, owner.email, owner.password);
  const reference = await openUserTicket(page, "我的工单");
  const shotId = (await page.getByRole("img").first().getAttribute("src"))!.split("/").pop()!;
  const context = await browser.newContext();
  const other = await context.newPage();
  const stranger = await createAccount();
  await signIn(other, stranger.email, stranger.password);
  expect((await other.goto("/admin/tickets"))?.status()).toBe(404);
  expect((await other.goto(`/admin/tickets/${reference}`))?.status()).toBe(404);
  expect((await other.request.get(`/api/admin/attachments/${shotId}`)).status()).toBe(404);
  // The owner too: the agent route is for agents only.
  expect((await page.request.get(`/api/admin/attachments/${shotId}`)).status()).toBe(404);
  await context.close();
});

for (const locale of ["zh-CN", "en"] as const) {
  test(`[agent] axe finds no violations on the ticket queue and a ticket (${locale})`, async ({ page, browser }) => {
    const owner = await createAccount({ locale });
    await useLocaleCookie(page, locale);
    await signIn(page, owner.email, owner.password);
    const reference = await openUserTicket(page, "help");
    const context = await browser.newContext();
    const desk = await context.newPage();
    await useLocaleCookie(desk, locale);
    await signInAgent(desk, await createAgent());
    await desk.goto("/admin/tickets");
    await expect(desk.locator("html")).toHaveAttribute("lang", locale);
    await expect(desk.getByTestId("ticket-queue")).toContainText(reference);
    expect(await axeViolations(desk)).toEqual([]);
    await desk.goto(`/admin/tickets/${reference}`);
    await expect(desk.getByRole("img").first()).toBeVisible();
    expect(await axeViolations(desk)).toEqual([]);
    await context.close();
  });
}
