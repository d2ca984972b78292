import { expect, test, type Page } from "@playwright/test";
import sharp from "sharp";
import { replyAsAgent } from "@/lib/server/support/reply-as-agent";
import { signIn, useLocaleCookie } from "./helpers";
import { createAccount, e2eDb } from "./support/accounts";
import { axeViolations } from "./support/axe";
import { mailbox } from "./support/mailbox-client";

const png = () => sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 20, g: 120, b: 200 } } }).png().toBuffer();

async function openTicket(page: Page, body: string, files: { name: string; mimeType: string; buffer: Buffer }[] = []) {
  await page.goto("/support/new");
  await page.locator("#ticket-category").selectOption("cannot_sign_in");
  await page.locator("#ticket-body").fill(body);
  if (files.length) await page.locator("#ticket-screenshots").setInputFiles(files);
  await page.locator("main form button[type=submit]").click();
}

test("[user] opens a 'cannot sign in' ticket with a PNG screenshot, then sees an agent's reply appear live and gets the email", async ({ page }) => {
  const account = await createAccount();
  const agent = await createAccount();
  await signIn(page, account.email, account.password);
  await openTicket(page, "验证码一直收不到，手机号已停用。", [{ name: "screen.png", mimeType: "image/png", buffer: await png() }]);
  await expect(page).toHaveURL(/\/support\/QN-\d{4}-\d{6}$/);
  const reference = page.url().split("/").pop()!;
  await expect(page.getByTestId("ticket-status")).toHaveText("等待客服处理");
  await expect(page.getByRole("img", { name: "截图 1（64×48）" })).toBeVisible();
  // The screenshot is served back decodable, as a PNG.
  const shot = await page.request.get((await page.getByRole("img", { name: "截图 1（64×48）" }).getAttribute("src"))!);
  expect(shot.headers()["content-type"]).toBe("image/png");

  const db = await e2eDb();
  const ticket = await db.selectFrom("support_tickets").select("id").where("reference", "=", reference).executeTakeFirstOrThrow();
  await replyAsAgent(db, { ticketId: ticket.id, agentId: agent.id, body: "请携带身份证件前往身份验证流程。" });
  // No reload: the open page polls.
  await expect(page.getByTestId("message-agent")).toContainText("请携带身份证件前往身份验证流程。");
  await expect(page.getByTestId("ticket-status")).toHaveText("客服已回复");
  const email = await mailbox.waitForEmail((m) => m.to.includes(account.email) && m.subject.includes(reference));
  expect(email.text).toContain(`/support/${reference}`);
  expect(email.text).not.toContain("身份证件");

  await page.goto("/support");
  await expect(page.getByTestId("ticket-list")).toContainText(reference);
});

test("[locked-out] a visitor verifies an email by code and opens a 'cannot sign in' ticket with a PNG screenshot, then sees an agent's reply appear live and gets the email", async ({ page }) => {
  const account = await createAccount();
  const agent = await createAccount();
  await page.goto("/support");
  await page.getByRole("link", { name: "提交工单" }).click();
  await expect(page).toHaveURL(/\/support\/new$/);
  await page.getByLabel("邮箱或手机号").fill(account.email);
  await page.getByRole("button", { name: "发送验证码" }).click();
  const mail = await mailbox.waitForEmail((m) => m.to === account.email && m.subject.includes("验证码"));
  await page.getByLabel("6 位验证码").fill(/\b(\d{6})\b/.exec(mail.text)![1]);
  await page.getByRole("button", { name: "验证并查看状态" }).click();
  await expect(page).toHaveURL(/\/support\/new$/);

  await page.locator("#ticket-category").selectOption("cannot_sign_in");
  await page.locator("#ticket-body").fill("登录一直失败，手机也丢了。");
  await page.locator("#ticket-screenshots").setInputFiles([{ name: "screen.png", mimeType: "image/png", buffer: await png() }]);
  await page.locator("main form button[type=submit]").click();
  await expect(page).toHaveURL(/\/support\/QN-\d{4}-\d{6}$/);
  const reference = page.url().split("/").pop()!;
  await expect(page.getByRole("img", { name: "截图 1（64×48）" })).toBeVisible();

  const db = await e2eDb();
  const ticket = await db.selectFrom("support_tickets").select(["id", "user_id", "category"]).where("reference", "=", reference).executeTakeFirstOrThrow();
  expect(ticket).toMatchObject({ user_id: account.id, category: "cannot_sign_in" });
  await replyAsAgent(db, { ticketId: ticket.id, agentId: agent.id, body: "我们已核实，请按邮件指引重置密码。" });
  await expect(page.getByTestId("message-agent")).toContainText("我们已核实");
  const answered = await mailbox.waitForEmail((m) => m.to === account.email && m.subject.includes(reference));
  expect(answered.text).toContain(`/support/${reference}`);

  // Without the proof, a fresh browser sees nothing of it.
  const context = await page.context().browser()!.newContext();
  const stranger = await context.newPage();
  await stranger.goto(`/support/${reference}`);
  await expect(stranger).toHaveURL(/\/sign-in/);
  expect((await stranger.request.get(`/api/support/tickets/${reference}`)).status()).toBe(401);
  await context.close();
});

test("[user] an .exe renamed .png and a 6 MB image are refused with clear messages; text that looks like a code needs a tick", async ({ page }) => {
  const account = await createAccount();
  await signIn(page, account.email, account.password);
  const exe = Buffer.concat([Buffer.from("MZ\x90\x00\x03\x00\x00\x00", "binary"), Buffer.alloc(4096)]);
  await openTicket(page, "截图打不开", [{ name: "screen.png", mimeType: "image/png", buffer: exe }]);
  await expect(page.getByTestId("screenshots-error")).toHaveText("该文件不是 PNG、JPEG 或 WebP 图片，请上传这几种格式的截图。");
  await expect(page.locator("#ticket-body")).toHaveValue("截图打不开");

  const big = Buffer.concat([await png(), Buffer.alloc(6 * 1024 * 1024)]);
  await page.locator("#ticket-screenshots").setInputFiles([{ name: "big.png", mimeType: "image/png", buffer: big }]);
  await page.locator("main form button[type=submit]").click();
  await expect(page.getByTestId("screenshots-error")).toHaveText("图片超过 5 MB，请上传更小的截图。");
  expect(await (await e2eDb()).selectFrom("support_tickets").select("id").where("user_id", "=", account.id).execute()).toEqual([]);

  await page.locator("#ticket-body").fill("收到的验证码是 482913");
  await expect(page.getByTestId("secret-warning")).toBeVisible();
  await page.locator("main form button[type=submit]").click();
  await expect(page).toHaveURL(/\/support\/new$/);
  await page.getByLabel("这既不是密码也不是验证码，仍然发送").check();
  await page.locator("main form button[type=submit]").click();
  await expect(page).toHaveURL(/\/support\/QN-\d{4}-\d{6}$/);
});

test("[user] another account's ticket is a 404, its screenshots too", async ({ page }) => {
  const owner = await createAccount();
  await signIn(page, owner.email, owner.password);
  await openTicket(page, "我的工单", [{ name: "a.png", mimeType: "image/png", buffer: await png() }]);
  await expect(page).toHaveURL(/\/support\/QN-/);
  const path = new URL(page.url()).pathname;
  const src = (await page.getByRole("img").first().getAttribute("src"))!;

  const context = await page.context().browser()!.newContext();
  const other = await context.newPage();
  const stranger = await createAccount();
  await signIn(other, stranger.email, stranger.password);
  expect((await other.goto(path))?.status()).toBe(404);
  expect((await other.request.get(src)).status()).toBe(404);
  expect((await other.request.get(`/api/support/tickets${path.replace("/support", "")}`)).status()).toBe(404);
  await context.close();
});

for (const locale of ["zh-CN", "en"] as const) {
  test(`[user] axe finds no violations on /support, /support/new and a ticket (${locale})`, async ({ page }) => {
    const account = await createAccount({ locale });
    await useLocaleCookie(page, locale);
    await page.goto("/support/new");
    await expect(page.locator("html")).toHaveAttribute("lang", locale);
    expect(await axeViolations(page)).toEqual([]);
    await signIn(page, account.email, account.password);
    await page.goto("/support/new");
    await page.locator("#ticket-body").fill("code 123456");
    await expect(page.getByTestId("secret-warning")).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
    await page.locator("#ticket-body").fill("help");
    await page.locator("#ticket-screenshots").setInputFiles([{ name: "a.png", mimeType: "image/png", buffer: await png() }]);
    await page.locator("main form button[type=submit]").click();
    await expect(page).toHaveURL(/\/support\/QN-/);
    await expect(page.getByRole("img").first()).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
    await page.goto("/support");
    await expect(page.getByTestId("ticket-list")).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
  });
}
