import sharp from "sharp";
import { beforeEach, describe, expect, it } from "vitest";
import { testDatabases, useDatabase } from "@/test/databases";
import { outcomeOf } from "@/test/outcome";
import { acceptScreenshots } from "./accept-screenshot";
import { findOwnTicket } from "./find-own-ticket";
import { listOwnTickets } from "./list-own-tickets";
import { openSupportCase } from "./open-support-case";
import { openTicket } from "./open-ticket";
import { replyAsAgent } from "./reply-as-agent";
import { replyAsUser } from "./reply-as-user";

const user = (id: string, extra: { mobile?: string | null; locale?: string } = {}) => ({
  id, email: `${id}@qianneng.test`, mobile: extra.mobile ?? null, name: id, password_hash: null, status: "active" as const, role: "user" as const,
  locale: extra.locale ?? "zh-CN", frozen_reason: null, frozen_case_ref: null, frozen_at: null, password_changed_at: null, email_verified_at: null, created_at: 0, updated_at: 0,
});

describe.each(testDatabases())("support tickets on $name", (kind) => {
  const t = useDatabase(kind);

  beforeEach(async () => {
    await t.db.deleteFrom("outbox").execute();
    await t.db.deleteFrom("support_tickets").execute();
    await t.db.deleteFrom("users").execute();
    await t.db.insertInto("users").values([user("u1", { mobile: "+8613800138001", locale: "en" }), user("u2"), user("agent1")]).execute();
  });

  it("a signed-in user opens a ticket with a screenshot and reads it back; another account cannot", async () => {
    const png = await sharp({ create: { width: 20, height: 10, channels: 3, background: "#fff" } }).png().toBuffer();
    const { reference } = await openTicket(t.db, { owner: { userId: "u1" }, category: "cannot_sign_in", body: "Locked out", screenshots: await acceptScreenshots([png]), locale: "en", now: 1000 });
    expect(reference).toMatch(/^QN-\d{4}-\d{6}$/);
    const mine = await findOwnTicket(t.db, { reference, owner: { userId: "u1" } });
    expect(mine).toMatchObject({ reference, status: "open", category: "cannot_sign_in", messages: [{ author: "user", body: "Locked out", attachments: [{ width: 20, height: 10 }] }] });
    const bytes = await t.db.selectFrom("support_attachments").select("bytes").executeTakeFirstOrThrow();
    expect((await sharp(Buffer.from(bytes.bytes)).metadata()).format).toBe("png");
    expect(await findOwnTicket(t.db, { reference, owner: { userId: "u2" } })).toBeNull();
    expect(await findOwnTicket(t.db, { reference, owner: { contactEmail: "u1@qianneng.test" } })).toBeNull();
    expect(await outcomeOf(replyAsUser(t.db, { reference, owner: { userId: "u2" }, body: "mine now", screenshots: [] }))).toEqual({ refused: "ticket_not_found" });
    expect(await listOwnTickets(t.db, { owner: { userId: "u2" } })).toEqual([]);
  });

  it("a visitor's ticket belongs to the contact they proved, and lists newest first beside reported cases", async () => {
    const visitor = { contactEmail: "lost@example.com" };
    const first = await openTicket(t.db, { owner: visitor, category: "cannot_sign_in", body: "a", screenshots: [], locale: "en", now: 1 });
    const second = await openTicket(t.db, { owner: visitor, category: "other", body: "b", screenshots: [], locale: "en", now: 2 });
    expect((await listOwnTickets(t.db, { owner: visitor })).map((x) => x.reference)).toEqual([second.reference, first.reference]);
    expect(await findOwnTicket(t.db, { reference: first.reference, owner: { contactEmail: "other@example.com" } })).toBeNull();
    const reported = await openSupportCase(t.db, { userId: "u2", category: "suspicious_transaction", body: "not me", now: 3 });
    expect(await listOwnTickets(t.db, { owner: { userId: "u2" } })).toMatchObject([{ reference: reported?.reference, category: "suspicious_transaction" }]);
  });

  it("an agent's answer marks the ticket answered and tells the owner by email and SMS in their language, with only a link", async () => {
    const { reference } = await openTicket(t.db, { owner: { userId: "u1" }, category: "account", body: "help", screenshots: [], locale: "zh-CN", now: 1 });
    const ticket = await findOwnTicket(t.db, { reference, owner: { userId: "u1" } });
    await replyAsAgent(t.db, { ticketId: ticket!.id, agentId: "agent1", body: "Secret answer text", now: 5 });
    const after = await findOwnTicket(t.db, { reference, owner: { userId: "u1" } });
    expect(after).toMatchObject({ status: "answered", messages: [{ author: "user" }, { author: "agent", body: "Secret answer text" }] });
    const sent = await t.db.selectFrom("outbox").select(["channel", "recipient", "subject", "body_text", "kind"]).orderBy("channel").execute();
    expect(sent.map((m) => [m.channel, m.recipient, m.kind])).toEqual([["email", "u1@qianneng.test", "support_answered"], ["sms", "+8613800138001", "support_answered"]]);
    expect(sent[0].subject).toContain(reference);
    expect(sent[0].body_text).toContain(`/support/${reference}`);
    expect(sent.every((m) => !m.body_text.includes("Secret answer text"))).toBe(true);
  });

  it("a visitor's ticket is answered at the proven contact", async () => {
    const { reference } = await openTicket(t.db, { owner: { contactMobile: "+8613900139000" }, category: "cannot_sign_in", body: "x", screenshots: [], locale: "zh-CN", now: 1 });
    const ticket = await findOwnTicket(t.db, { reference, owner: { contactMobile: "+8613900139000" } });
    await replyAsAgent(t.db, { ticketId: ticket!.id, agentId: "agent1", body: "ok", now: 2 });
    const sent = await t.db.selectFrom("outbox").select(["channel", "recipient", "body_text"]).execute();
    expect(sent).toEqual([{ channel: "sms", recipient: "+8613900139000", body_text: expect.stringContaining("客服已回复") }]);
  });
});
