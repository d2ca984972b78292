// Renders /dev/mailbox the way the app would, with next-intl's request helpers pointed at the message files.
import { createElement, type ComponentProps, type ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { createFormatter, createTranslator, NextIntlClientProvider } from "next-intl";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { WALLET_TIME_ZONE } from "@/lib/format-wallet-time";
import { enqueueEmail } from "@/lib/mail/enqueue-email";
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

  it("lists every message newest first, with its links readable as plain text", async () => {
    const link = "http://localhost:3000/reset-password?token=abc123";
    await enqueueEmail(database.db, { to: "demo@qianneng.test", subject: "重置你的密码", text: `打开链接：${link}\n30 分钟内有效。`, kind: "reset_link", now: 1_000 });
    await enqueueSms(database.db, { to: "+8613800138000", text: "【钱能钱包】验证码 123456", kind: "reset_code", now: 2_000 });

    const html = await render("zh-CN");
    expect(html).toContain("<h1");
    expect(html).toContain("开发邮箱");
    expect(html).toContain("未设置 SMTP_URL");
    expect(html.indexOf("发给 +8613800138000 的短信")).toBeLessThan(html.indexOf("重置你的密码"));
    expect(html).toContain(`<a href="${link}"`);
    expect(html).toContain(`>${link}</a>`);
    expect(html).toContain("待发送");
    expect(html.match(/data-testid="outbox-message"/g)).toHaveLength(2);
    expect(html).toMatch(/<dt[^>]*>收件人<\/dt><dd[^>]*>demo@qianneng\.test<\/dd>/);
    expect(html).toContain("1970年1月1日 08:00:02 中国标准时间");
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
