// Renders /dev/mailbox the way the app would, with next-intl's request helpers pointed at the message files.
import { createElement, type ComponentProps, type ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { createFormatter, createTranslator, NextIntlClientProvider } from "next-intl";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { WALLET_TIME_ZONE } from "@/lib/format-wallet-time";
import { enqueueEmail } from "@/lib/mail/enqueue-email";
import { claimOutboxMessage } from "@/lib/outbox/claim-outbox-message";
import { secretSlot } from "@/lib/outbox/secret-slot";
import { markOutboxSent, recordOutboxFailure } from "@/lib/outbox/settle-outbox-message";
import { enqueueSms } from "@/lib/sms/enqueue-sms";
import en from "@/messages/en.json";
import zhCN from "@/messages/zh-CN.json";
import { testDatabases, useDatabase } from "@/test/databases";

const state = vi.hoisted(() => ({ locale: "zh-CN" as "zh-CN" | "en", db: undefined as unknown }));
const MESSAGES = { "zh-CN": zhCN, en };
const TIME_ZONE = WALLET_TIME_ZONE;

vi.mock("@/lib/db", () => ({ getDb: async () => state.db }));
vi.mock("next-intl/server", () => ({
  getTranslations: async (namespace: string) =>
    createTranslator({ locale: state.locale, messages: MESSAGES[state.locale], namespace: namespace as "mailbox" }),
  getFormatter: async () => createFormatter({ locale: state.locale, timeZone: TIME_ZONE }),
}));

const { default: MailboxPage, generateMetadata } = await import("@/app/dev/mailbox/page");

async function render(locale: "zh-CN" | "en"): Promise<string> {
  state.locale = locale;
  const page = (await MailboxPage()) as ReactElement;
  const props: ComponentProps<typeof NextIntlClientProvider> = { locale, messages: MESSAGES[locale], timeZone: TIME_ZONE, children: page };
  const provider = createElement(NextIntlClientProvider, props);
  return renderToStaticMarkup(provider);
}

describe("/dev/mailbox", () => {
  const database = useDatabase(testDatabases()[0]);
  beforeEach(async () => {
    state.db = database.db;
    await database.db.deleteFrom("outbox").execute();
  });
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it("lists every message newest first, with the links and codes of waiting ones decrypted and readable", async () => {
    const link = "http://localhost:3000/reset-password?token=abc123";
    await enqueueEmail(database.db, { to: "demo@qianneng.test", subject: "重置你的密码", text: `打开链接：${secretSlot("url")}\n30 分钟内有效。`, secrets: { url: link }, kind: "reset_link", now: 1_000 });
    await enqueueSms(database.db, { to: "+8613800138000", text: `【钱能钱包】验证码 ${secretSlot("code")}`, secrets: { code: "123456" }, kind: "reset_code", now: 2_000 });

    const html = await render("zh-CN");
    expect(html).toContain("<h1");
    expect(html).toContain("开发邮箱");
    expect(html).toContain("未设置 SMTP_URL");
    expect(html.indexOf("发给 +8613800138000 的短信")).toBeLessThan(html.indexOf("重置你的密码"));
    expect(html).toContain(`<a href="${link}"`);
    expect(html).toContain(`>${link}</a>`);
    expect(html).toContain("【钱能钱包】验证码 123456");
    expect(html).toContain("待发送");
    expect(html).not.toContain("⟦");
    expect(html.match(/data-testid="outbox-message"/g)).toHaveLength(2);
    expect(html).toMatch(/<dt[^>]*>收件人<\/dt><dd[^>]*>demo@qianneng\.test<\/dd>/);
    expect(html).toContain("1970年1月1日 08:00:02 中国标准时间");
  });

  it.each([
    ["zh-CN", "〔链接或验证码已在送达后删除〕", "〔链接或验证码已在放弃发送后删除〕"],
    ["en", "[link or code removed after delivery]", "[link or code removed when delivery was given up]"],
  ] as const)("shows that a settled message's link or code was deleted (%s)", async (locale, removedAfterDelivery, removedAfterFailure) => {
    const enqueue = (to: string) =>
      enqueueEmail(database.db, { to, subject: "解除暂停", text: `链接：${secretSlot("unlockUrl")}`, secrets: { unlockUrl: "http://localhost:3000/unlock?token=t0ken" }, kind: "lockout_notice" });
    const [sent, failed] = [await enqueue("sent@qianneng.test"), await enqueue("failed@qianneng.test")];
    const now = Date.now();
    const claimed = await claimOutboxMessage(database.db, { id: sent, token: "w", now, leaseMs: 60_000 });
    await markOutboxSent(database.db, { message: claimed!, token: "w", now });
    const given = await claimOutboxMessage(database.db, { id: failed, token: "w", now, leaseMs: 60_000 });
    await recordOutboxFailure(database.db, { message: given!, token: "w", now, error: "HTTP 550", retryDelayMs: 0, maxAttempts: 1 });

    const html = await render(locale);
    expect(html).toContain(`链接：${removedAfterDelivery}`);
    expect(html).toContain(`链接：${removedAfterFailure}`);
    expect(html).not.toContain("t0ken");
  });

  it("says so when a waiting message's secrets cannot be decrypted", async () => {
    const id = await enqueueSms(database.db, { to: "+8613800138000", text: `code ${secretSlot("code")}`, secrets: { code: "123456" }, kind: "reset_code" });
    await database.db.updateTable("outbox").set({ recipient: "+8613900139000" }).where("id", "=", id).execute();
    const html = await render("en");
    expect(html).toContain("code [link or code cannot be decrypted: the data was altered, or AUTH_SECRET changed]");
    expect(html).not.toContain("123456");
  });

  it("speaks the visitor's language", async () => {
    await enqueueSms(database.db, { to: "+8613800138000", text: "code 123456", kind: "reset_code" });
    const html = await render("en");
    expect(html).toContain("Development mailbox");
    expect(html).toContain("Text message to +8613800138000");
    expect(html).toContain("Waiting to send");
    expect(html).toContain(">1 message<");
  });

  it("says so when the outbox is empty", async () => {
    expect(await render("en")).toContain("The outbox is empty.");
  });

  it("does not exist in production", async () => {
    vi.stubEnv("NODE_ENV", "production");
    await expect(MailboxPage()).rejects.toMatchObject({ digest: expect.stringContaining("404") });
    await expect(generateMetadata()).rejects.toMatchObject({ digest: expect.stringContaining("404") });
  });
});
