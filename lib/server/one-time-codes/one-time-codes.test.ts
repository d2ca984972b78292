import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Identifier } from "@/lib/identifier/normalize-identifier";
import { renderOutboxMessage } from "@/lib/outbox/render-outbox-message";
import type { OutboxMessage } from "@/lib/outbox/outbox-transport";
import { hashIdentifier } from "@/lib/server/audit/hash-identifier";
import { createSqlCounterStore } from "@/lib/server/counters/sql-counter-store";
import { keys, IP_POST_WINDOW_MS } from "@/lib/server/lockout/throttle-policy";
import type { RequestContext } from "@/lib/server/request-context";
import { clearStatusTables, insertStatusAccounts, OWNER, T0 } from "@/test/status-accounts";
import { testDatabases, useDatabase } from "@/test/databases";
import { outcomeOf } from "@/test/outcome";
import { requestOneTimeCode } from "./request-one-time-code";
import { HOUR_MS, ONE_TIME_CODE_TTL_MS } from "./one-time-code-policy";
import { readStatusTicket, STATUS_TICKET_COOKIE } from "@/lib/server/status/status-ticket";
import { verifyOneTimeCode } from "./verify-one-time-code";

// grantStatusTicket writes a cookie through next/headers: collect what it sets.
const jar = vi.hoisted(() => new Map<string, string>());
vi.mock("next/headers", () => ({
  cookies: async () => ({ set: (name: string, value: string) => jar.set(name, value), get: (name: string) => (jar.has(name) ? { name, value: jar.get(name) } : undefined) }),
  headers: async () => new Headers(),
}));

const REAL: Identifier = { kind: "email", value: OWNER.email };
const REAL_MOBILE: Identifier = { kind: "mobile", value: OWNER.mobile };
const PHANTOM: Identifier = { kind: "email", value: "nobody-here@qianneng.test" };
const context: RequestContext = { ip: null, userAgent: "vitest" };

describe.each(testDatabases())("one-time codes on $name", (kind) => {
  const database = useDatabase(kind);
  const deps = () => ({ db: database.db, store: createSqlCounterStore(database.db) });
  const request = (identifier: Identifier, now: number, ctx = context) => outcomeOf(requestOneTimeCode({ ...deps(), identifier, context: ctx, now }));
  const verify = (identifier: Identifier, code: string, now: number, ctx = context) => outcomeOf(verifyOneTimeCode({ ...deps(), identifier, code, context: ctx, now }));
  const outbox = () => database.db.selectFrom("outbox").selectAll().orderBy("created_at").execute();
  const codeIn = (message: OutboxMessage) => /\b(\d{6})\b/.exec(renderOutboxMessage(message).text)?.[1] ?? "";
  const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, "0");

  beforeAll(async () => {
    await insertStatusAccounts(database.db);
  });
  beforeEach(async () => {
    await clearStatusTables(database.db);
    jar.clear();
  });

  it("answers a real and an unknown identifier alike; only the owner is sent a code, and it verifies", async () => {
    const phantom = await request(PHANTOM, T0);
    expect(await outbox()).toHaveLength(0);
    const real = await request(REAL, T0);
    expect(real).toEqual(phantom);
    expect(real).toEqual({ resendAt: T0 + 60_000 });

    const [message] = await outbox();
    expect(await outbox()).toHaveLength(1);
    expect(message).toMatchObject({ channel: "email", recipient: OWNER.email, kind: "status_code", user_id: OWNER.id });
    const code = codeIn(message);
    expect(code).toMatch(/^\d{6}$/);
    const stored = await database.db.selectFrom("one_time_codes").selectAll().execute();
    expect(stored).toHaveLength(2);
    expect(JSON.stringify(stored)).not.toContain(code);
    expect([message.body_text, message.secrets]).not.toContainEqual(expect.stringContaining(code));

    expect(await verify(REAL, code, T0 + 1000)).toEqual({ userId: OWNER.id });
    expect(readStatusTicket(jar.get(STATUS_TICKET_COOKIE), T0 + 2000)).toBe(OWNER.id);
    expect(await verify(REAL, code, T0 + 2000)).toEqual({ refused: "code_invalid" }); // single use

    const events = await database.db.selectFrom("security_events").select(["type", "user_id", "identifier_hash"]).orderBy("id").execute();
    expect(events.slice(0, 3)).toEqual([
      { type: "status_code_sent", user_id: null, identifier_hash: hashIdentifier(PHANTOM.value) },
      { type: "status_code_sent", user_id: OWNER.id, identifier_hash: hashIdentifier(REAL.value) },
      { type: "status_viewed", user_id: OWNER.id, identifier_hash: hashIdentifier(REAL.value) },
    ]);
  });

  it("texts the code to a mobile number, in the account's language", async () => {
    await database.db.updateTable("users").set({ locale: "en" }).where("id", "=", OWNER.id).execute();
    await request(REAL_MOBILE, T0);
    await database.db.updateTable("users").set({ locale: "zh-CN" }).where("id", "=", OWNER.id).execute();
    const [sms] = await outbox();
    expect(sms).toMatchObject({ channel: "sms", recipient: OWNER.mobile, subject: null });
    expect(sms.body_text).toContain("[Qianneng Wallet]");
    expect(await verify(REAL_MOBILE, codeIn(sms), T0 + 1)).toEqual({ userId: OWNER.id });
  });

  it("a resend within 60 s sends nothing and gives the same resendAt; after 60 s a new code voids the old one", async () => {
    const first = await request(REAL, T0);
    expect(await request(REAL, T0 + 30_000)).toEqual(first);
    expect(await request(PHANTOM, T0)).toEqual(first);
    expect(await request(PHANTOM, T0 + 30_000)).toEqual(first);
    expect(await outbox()).toHaveLength(1);

    expect(await request(REAL, T0 + 60_000)).toEqual({ resendAt: T0 + 120_000 });
    const [oldMail, newMail] = await outbox();
    expect(newMail).toBeDefined();
    const [oldCode, newCode] = [codeIn(oldMail), codeIn(newMail)];
    if (oldCode !== newCode) expect(await verify(REAL, oldCode, T0 + 61_000)).toEqual({ refused: "code_incorrect" });
    expect(await verify(REAL, newCode, T0 + 62_000)).toEqual({ userId: OWNER.id });
  });

  it("five wrong tries void the code, for a real and an unknown identifier alike", async () => {
    await request(REAL, T0);
    await request(PHANTOM, T0);
    const code = codeIn((await outbox())[0]);
    const attemptsOf = async (identifier: Identifier) => {
      const row = await database.db.selectFrom("one_time_codes").select("attempts").where("identifier_hash", "=", hashIdentifier(identifier.value)).executeTakeFirstOrThrow();
      return Number(row.attempts);
    };
    for (const identifier of [REAL, PHANTOM]) {
      for (let i = 0; i < 5; i++) await verify(identifier, wrong(code), T0 + i);
      expect(await attemptsOf(identifier)).toBe(5);
    }
    expect(await verify(REAL, code, T0 + 10)).toEqual({ refused: "code_invalid" });
    expect(await attemptsOf(REAL)).toBe(5); // a void code counts nothing more
    expect(jar.size).toBe(0);
  });

  it("answers code_incorrect while tries remain and code_invalid on the fifth", async () => {
    await request(PHANTOM, T0);
    const answers = [];
    for (let i = 0; i < 6; i++) answers.push(await verify(PHANTOM, "000000", T0 + i));
    expect(answers.map((a) => ("refused" in a ? a.refused : "ok"))).toEqual(["code_incorrect", "code_incorrect", "code_incorrect", "code_incorrect", "code_invalid", "code_invalid"]);
    const failed = await database.db.selectFrom("security_events").select("type").where("type", "=", "status_code_failed").execute();
    expect(failed).toHaveLength(6);
  });

  it("a code expires after 10 minutes", async () => {
    await request(REAL, T0);
    const code = codeIn((await outbox())[0]);
    expect(await verify(REAL, code, T0 + ONE_TIME_CODE_TTL_MS)).toEqual({ refused: "code_invalid" });

    await request(REAL, T0 + ONE_TIME_CODE_TTL_MS);
    const fresh = codeIn((await outbox())[1]);
    expect(await verify(REAL, fresh, T0 + 2 * ONE_TIME_CODE_TTL_MS - 1)).toEqual({ userId: OWNER.id });
  });

  it("never-requested identifiers and malformed codes are refused without an error", async () => {
    expect(await verify(PHANTOM, "123456", T0)).toEqual({ refused: "code_invalid" });
    await request(REAL, T0);
    expect(await verify(REAL, "", T0)).toEqual({ refused: "code_incorrect" });
  });

  it("sends at most five codes an hour to one identifier", async () => {
    for (let i = 0; i < 5; i++) await request(REAL, T0 + i * 60_000);
    expect(await request(REAL, T0 + 5 * 60_000)).toEqual({ resendAt: T0 + HOUR_MS });
    expect(await outbox()).toHaveLength(5);
    expect(await request(REAL, T0 + HOUR_MS)).toHaveProperty("resendAt");
    expect(await outbox()).toHaveLength(6);
  });

  it("counts requests and verifications against the per-IP limit", async () => {
    const ip = { ip: "198.51.100.7", userAgent: "vitest" };
    const store = createSqlCounterStore(database.db);
    for (let i = 0; i < 60; i++) await store.hit(keys.ipPosts(ip.ip), IP_POST_WINDOW_MS, T0);
    expect(await request(REAL, T0, ip)).toEqual({ refused: "rate_limited", until: T0 + IP_POST_WINDOW_MS });
    expect(await verify(REAL, "123456", T0, ip)).toEqual({ refused: "rate_limited", until: T0 + IP_POST_WINDOW_MS });
    expect(await outbox()).toHaveLength(0);
    expect(await request(REAL, T0 + IP_POST_WINDOW_MS, ip)).toHaveProperty("resendAt");
  });
});
