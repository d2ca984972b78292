import type { Kysely } from "kysely";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { startSmsSink } from "@/e2e/support/sms-sink";
import { startSmtpSink } from "@/e2e/support/smtp-sink";
import { createDb } from "@/lib/db/create-db";
import type { Database } from "@/lib/db/schema";
import { enqueueEmail } from "@/lib/mail/enqueue-email";
import { enqueueSms } from "@/lib/sms/enqueue-sms";
import { testDatabases, useDatabase } from "@/test/databases";
import { sleep, waitUntil } from "@/test/wait-until";
import { startOutboxWorker, type OutboxWorkerOptions } from "./outbox-worker";
import { secretSlot } from "./secret-slot";

const MAIL_FROM = "钱能钱包 <no-reply@qianneng.test>";
const noTransports = { SMTP_URL: undefined, SMS_WEBHOOK_URL: undefined, MAIL_FROM };

/** A port nothing listens on: a sink started and stopped again (and free to be started again there). */
async function deadSmtpPort(): Promise<number> {
  const sink = await startSmtpSink();
  await sink.stop();
  return sink.port;
}

describe.each(testDatabases())("outbox worker on $name", (kind) => {
  const database = useDatabase(kind);
  const cleanups: (() => Promise<void>)[] = [];
  const later = <T extends { stop: () => Promise<void> }>(thing: T): T => {
    cleanups.push(() => thing.stop());
    return thing;
  };
  const start = (options: Omit<OutboxWorkerOptions, "db"> & { db?: Kysely<Database> }) =>
    later(startOutboxWorker({ db: database.db, pollMs: 20, ...options }));
  const rows = () => database.db.selectFrom("outbox").selectAll().orderBy("created_at").orderBy("id").execute();
  const email = (to: string, subject: string, text = "正文") => enqueueEmail(database.db, { to, subject, text, kind: "test" });

  beforeEach(async () => {
    await database.db.deleteFrom("outbox").execute();
  });
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it("delivers email over SMTP and SMS to the webhook, and marks both sent", async () => {
    const smtp = later(await startSmtpSink());
    const sms = later(await startSmsSink());
    start({ config: { SMTP_URL: smtp.url, SMS_WEBHOOK_URL: sms.url, MAIL_FROM } });
    const link = "http://localhost:3000/unlock?token=abc123";
    await enqueueEmail(database.db, { to: "demo@qianneng.test", subject: "登录已暂停", text: `解除暂停：${link}`, html: "<p>解除暂停</p>", kind: "lockout_notice" });
    await enqueueSms(database.db, { to: "+8613800138000", text: "【钱能钱包】验证码 123456", kind: "reset_code" });

    const mail = await smtp.waitFor((m) => m.to === "demo@qianneng.test");
    expect(mail).toMatchObject({ subject: "登录已暂停", html: "<p>解除暂停</p>" });
    expect(mail.text).toContain(link);
    expect(mail.from).toContain("no-reply@qianneng.test");
    expect(await sms.waitFor((m) => m.to === "+8613800138000")).toEqual({ to: "+8613800138000", text: "【钱能钱包】验证码 123456" });

    const done = await waitUntil(rows, (r) => r.every((m) => m.status === "sent"));
    for (const row of done) expect(row).toMatchObject({ attempts: 1, claim_token: null, claimed_until: null, last_error: null });
    for (const row of done) expect(row.sent_at).toBeGreaterThanOrEqual(row.created_at);
    expect(mail.messageId).toBe(`<${done.find((r) => r.channel === "email")!.id}@qianneng.test>`);
  });

  it("the link and the code reach the recipient in full, but their rows hold them neither before nor after", async () => {
    const smtp = later(await startSmtpSink());
    const sms = later(await startSmsSink());
    const token = "Zq3xY8vK1mN4pR7sT0uW2yA5bC8dE1fG4hJ7kL0nP3r";
    const link = `http://localhost:3000/unlock?token=${token}`;
    await enqueueEmail(database.db, { to: "demo@qianneng.test", subject: "登录已暂停", text: `解除暂停：${secretSlot("unlockUrl")}`, secrets: { unlockUrl: link }, kind: "lockout_notice" });
    await enqueueSms(database.db, { to: "+8613800138000", text: `验证码 ${secretSlot("code")}，10 分钟内有效`, secrets: { code: "482913" }, kind: "reset_code" });
    const leaks = (stored: unknown) => JSON.stringify(stored).match(new RegExp(`${token}|/unlock|482913`, "g")) ?? [];
    const pending = await rows();
    expect(leaks(pending)).toEqual([]);
    expect(pending.map((r) => r.secrets)).toEqual([expect.any(String), expect.any(String)]);

    start({ config: { SMTP_URL: smtp.url, SMS_WEBHOOK_URL: sms.url, MAIL_FROM } });
    expect((await smtp.waitFor((m) => m.to === "demo@qianneng.test")).text.trim()).toBe(`解除暂停：${link}`);
    expect((await sms.waitFor((m) => m.to === "+8613800138000")).text).toBe("验证码 482913，10 分钟内有效");

    const sent = await waitUntil(rows, (r) => r.every((m) => m.status === "sent"));
    expect(leaks(sent)).toEqual([]);
    for (const row of sent) expect(row).toMatchObject({ secrets: null, settled_at: row.sent_at });
    expect(sent.map((r) => r.body_text)).toEqual([`解除暂停：${secretSlot("unlockUrl")}`, `验证码 ${secretSlot("code")}，10 分钟内有效`]);
  });

  it("a message whose sealed link was altered is given up at once, never sent broken, and the others still go out", async () => {
    const smtp = later(await startSmtpSink());
    const text = `重置密码：${secretSlot("url")}`;
    const altered = await enqueueEmail(database.db, { to: "victim@qianneng.test", subject: "被改动", text, secrets: { url: "http://localhost:3000/reset-password?token=x" }, kind: "reset_link" });
    const [stored] = await rows();
    const sealed = stored.secrets!;
    await database.db.updateTable("outbox").set({ secrets: `${sealed.slice(0, 10)}${sealed[10] === "A" ? "B" : "A"}${sealed.slice(11)}` }).where("id", "=", altered).execute();
    await email("demo@qianneng.test", "照常送达");
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    start({ config: { ...noTransports, SMTP_URL: smtp.url }, backoffMs: () => 0 });

    await smtp.waitFor((m) => m.subject === "照常送达");
    const settled = await waitUntil(rows, (r) => r.every((m) => m.status !== "pending"));
    expect(settled.find((m) => m.id === altered)).toMatchObject({
      status: "failed",
      attempts: 1,
      secrets: null,
      body_text: text,
      last_error: "secrets unreadable: altered, or sealed with another AUTH_SECRET",
    });
    expect(smtp.messages.map((m) => m.subject)).toEqual(["照常送达"]);
    expect(logged).not.toHaveBeenCalled();
    logged.mockRestore();
  });

  it("while SMTP is down, counts tries and backs off; when it is back on the same port, the message goes out", async () => {
    const port = await deadSmtpPort();
    const backoffs: number[] = [];
    start({ config: { ...noTransports, SMTP_URL: `smtp://127.0.0.1:${port}` }, backoffMs: (n) => (backoffs.push(n), 150) });
    const id = await email("demo@qianneng.test", "重置密码");

    const startedAt = Date.now();
    const failing = await waitUntil(rows, (r) => r[0].attempts >= 2);
    expect(failing[0]).toMatchObject({ id, status: "pending", claim_token: null, sent_at: null });
    expect(failing[0].last_error).toMatch(/ECONNREFUSED/);
    expect(failing[0].next_attempt_at).toBeGreaterThan(failing[0].created_at);
    expect(backoffs.slice(0, 2)).toEqual([1, 2]);
    // Polling every 20 ms but backing off 150 ms: by the fourth try, far fewer tries than polls.
    const tries = (await waitUntil(rows, (r) => r[0].attempts >= 4))[0].attempts;
    expect(tries).toBeLessThanOrEqual(Math.ceil((Date.now() - startedAt) / 150) + 1);

    const smtp = later(await startSmtpSink(port));
    expect((await smtp.waitFor((m) => m.subject === "重置密码")).to).toBe("demo@qianneng.test");
    const [sent] = await waitUntil(rows, (r) => r[0].status === "sent");
    expect(sent.attempts).toBeGreaterThanOrEqual(3);
    expect(sent.last_error).toMatch(/ECONNREFUSED/);
    expect(smtp.messages).toHaveLength(1);
  });

  it("gives up after maxAttempts, marks the message failed and deletes its secrets", async () => {
    const port = await deadSmtpPort();
    const worker = start({ config: { ...noTransports, SMTP_URL: `smtp://127.0.0.1:${port}` }, backoffMs: () => 0, maxAttempts: 3 });
    await enqueueEmail(database.db, { to: "demo@qianneng.test", subject: "会失败", text: secretSlot("code"), secrets: { code: "123456" }, kind: "test" });
    const [failed] = await waitUntil(rows, (r) => r[0].status === "failed");
    expect(failed).toMatchObject({ secrets: null, body_text: secretSlot("code") });
    expect(failed.settled_at).toBeGreaterThanOrEqual(failed.created_at);
    // A further round finds nothing due: a failed message is never tried again.
    await worker.drain();
    expect((await rows())[0]).toMatchObject({ ...failed, attempts: 3 });
  });

  it("an SMS gateway answering 503 is retried until it accepts", async () => {
    const sms = later(await startSmsSink());
    sms.failWith(503);
    start({ config: { ...noTransports, SMS_WEBHOOK_URL: sms.url }, backoffMs: () => 50 });
    await enqueueSms(database.db, { to: "+8613800138000", text: "验证码 654321", kind: "reset_code" });
    const [failing] = await waitUntil(rows, (r) => r[0].attempts >= 1);
    expect(failing).toMatchObject({ status: "pending", last_error: "HTTP 503" });
    sms.failWith(null);
    await sms.waitFor((m) => m.text === "验证码 654321");
    await waitUntil(rows, (r) => r[0].status === "sent");
    expect(sms.messages).toHaveLength(1);
  });

  it("two workers on one database send each of 20 messages exactly once", async () => {
    const smtp = later(await startSmtpSink());
    for (let i = 0; i < 20; i++) await email(`user${i}@qianneng.test`, `消息 ${i}`);
    const second = await createDb(database.url);
    cleanups.push(() => second.destroy());
    const config = { ...noTransports, SMTP_URL: smtp.url };
    const workers = [start({ config, pollMs: 5 }), start({ config, pollMs: 5, db: second })];

    await waitUntil(rows, (r) => r.every((m) => m.status === "sent"), { timeoutMs: 15_000 });
    // Both workers finish their rounds in progress: a duplicate send would be in the sink by then.
    await Promise.all(workers.map((w) => w.stop()));
    expect(smtp.messages).toHaveLength(20);
    expect(new Set(smtp.messages.map((m) => m.subject)).size).toBe(20);
    expect((await rows()).map((r) => r.attempts)).toEqual(Array(20).fill(1));
  });

  it("after a restart, a new worker delivers what the old one could not", async () => {
    const port = await deadSmtpPort();
    const first = await createDb(database.url);
    const old = startOutboxWorker({ db: first, pollMs: 20, config: { ...noTransports, SMTP_URL: `smtp://127.0.0.1:${port}` }, backoffMs: () => 100 });
    for (let i = 0; i < 3; i++) await email("demo@qianneng.test", `重启前 ${i}`);
    await waitUntil(rows, (r) => r.every((m) => m.attempts >= 1));
    await old.stop();
    await first.destroy();

    const smtp = later(await startSmtpSink());
    const restarted = await createDb(database.url);
    cleanups.push(() => restarted.destroy());
    start({ db: restarted, config: { ...noTransports, SMTP_URL: smtp.url } });
    await waitUntil(rows, (r) => r.every((m) => m.status === "sent"));
    expect(smtp.messages.map((m) => m.subject).sort()).toEqual(["重启前 0", "重启前 1", "重启前 2"]);
  });

  it("a message held by a crashed instance is sent once that instance's lease runs out", async () => {
    const smtp = later(await startSmtpSink());
    const id = await email("demo@qianneng.test", "接管");
    const leaseEnds = Date.now() + 400;
    await database.db.updateTable("outbox").set({ claim_token: "crashed", claimed_until: leaseEnds }).where("id", "=", id).execute();
    start({ config: { ...noTransports, SMTP_URL: smtp.url } });
    await smtp.waitFor((m) => m.subject === "接管");
    // The worker polls every 20 ms: had it ignored the claim, the mail would have arrived long before the lease's end.
    expect(Date.now()).toBeGreaterThanOrEqual(leaseEnds);
    await waitUntil(rows, (r) => r[0].status === "sent");
  });

  it("leaves messages of a channel without a transport pending and untouched", async () => {
    await email("demo@qianneng.test", "留在发件箱");
    await enqueueSms(database.db, { to: "+8613800138000", text: "留在发件箱", kind: "test" });
    const before = await rows();
    const idle = start({ config: noTransports });
    await idle.drain();
    expect(await rows()).toEqual(before);
    await idle.stop();

    const smtp = later(await startSmtpSink());
    start({ config: { ...noTransports, SMTP_URL: smtp.url } });
    await smtp.waitFor((m) => m.subject === "留在发件箱");
    const after = await waitUntil(rows, (r) => r.some((m) => m.status === "sent"));
    expect(after.find((m) => m.channel === "sms")).toEqual(before.find((m) => m.channel === "sms"));
  });

  it("a round that fails is logged, and the next round carries on", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const smtp = later(await startSmtpSink());
    let broken = true;
    const now = () => {
      if (!broken) return Date.now();
      broken = false;
      throw new Error("database unreachable at postgres://app:secret@db/portal");
    };
    await email("demo@qianneng.test", "之后仍然送达");
    start({ config: { ...noTransports, SMTP_URL: smtp.url }, now });
    await smtp.waitFor((m) => m.subject === "之后仍然送达");
    expect(logged).toHaveBeenCalledWith("[outbox] delivery round failed: database unreachable at <url>");
    logged.mockRestore();
  });

  it("a new message is sent right away, without waiting for the next poll", async () => {
    const smtp = later(await startSmtpSink());
    start({ config: { ...noTransports, SMTP_URL: smtp.url }, pollMs: 60_000 });
    await sleep(50);
    await email("demo@qianneng.test", "立即发送");
    await smtp.waitFor((m) => m.subject === "立即发送", 2_000);
  });

  it("drain() returns once everything due has been sent", async () => {
    const smtp = later(await startSmtpSink());
    const worker = start({ config: { ...noTransports, SMTP_URL: smtp.url }, pollMs: 60_000 });
    for (let i = 0; i < 3; i++) await email("demo@qianneng.test", `批量 ${i}`);
    await worker.drain();
    expect(smtp.messages).toHaveLength(3);
    expect((await rows()).map((r) => r.status)).toEqual(["sent", "sent", "sent"]);
  });
});
