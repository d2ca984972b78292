import { beforeEach, describe, expect, it, vi } from "vitest";
import { DEMO_ACCOUNTS, seedDemoData } from "@/lib/db/seed";
import { renderOutboxMessage } from "@/lib/outbox/render-outbox-message";
import { issueNotMeToken, NOT_ME_TTL_MS, peekNotMeToken } from "@/lib/server/alerts/not-me-tokens";
import { createSqlCounterStore } from "@/lib/server/counters/sql-counter-store";
import { createSession } from "@/lib/server/sessions/create-session";
import { testDatabases, useDatabase } from "@/test/databases";
import { outcomeOf } from "@/test/outcome";
import { reportNotMe } from "./report-not-me";

const [DEMO, , FROZEN] = DEMO_ACCOUNTS;
const context = { ip: null, userAgent: "vitest" };

describe.each(testDatabases())("reportNotMe on $name", (kind) => {
  const t = useDatabase(kind);
  const statusOf = async (id: string) => (await t.db.selectFrom("users").select("status").where("id", "=", id).executeTakeFirstOrThrow()).status;
  const eventsOf = (id: string, type: string) => t.db.selectFrom("security_events").select("detail").where("user_id", "=", id).where("type", "=", type).execute();
  const report = (token: string, sendEmailLink = vi.fn(async () => undefined), now?: number) =>
    outcomeOf(reportNotMe({ db: t.db, store: createSqlCounterStore(t.db), token, context, sendEmailLink, now }));

  beforeEach(async () => {
    await seedDemoData(t.db);
    for (const table of ["outbox", "one_time_codes", "security_events", "not_me_tokens", "sessions", "rate_counters"] as const) await t.db.deleteFrom(table).execute();
  });

  it("simultaneous clicks on one link: exactly one freeze and one reset link", async () => {
    const token = await issueNotMeToken(t.db, { userId: DEMO.id, alert: "new_device", now: Date.now() });
    await createSession(t.db, { userId: DEMO.id, persistent: true, context });
    const sendEmailLink = vi.fn(async () => undefined);
    const results = await Promise.all(Array.from({ length: 6 }, () => report(token, sendEmailLink)));
    const won = results.filter((r) => !("refused" in r));
    expect(won).toEqual([{ freeze: "frozen", reset: { via: "email", to: "d***o@qianneng.test" } }]);
    expect(results.filter((r) => "refused" in r && r.refused === "not_me_link_invalid")).toHaveLength(5);
    expect(sendEmailLink).toHaveBeenCalledTimes(1);
    expect(sendEmailLink).toHaveBeenCalledWith(DEMO.email);
    expect(await statusOf(DEMO.id)).toBe("self_frozen");
    expect(await t.db.selectFrom("sessions").select("id").where("user_id", "=", DEMO.id).execute()).toEqual([]);
    expect(await eventsOf(DEMO.id, "account_frozen")).toHaveLength(1);
    const [reported] = await eventsOf(DEMO.id, "not_me_reported");
    expect(JSON.parse(reported.detail!)).toEqual({ alert: "new_device", freeze: "frozen" });
    expect(await peekNotMeToken(t.db, token, Date.now())).toBeNull();
  });

  it("an account without email gets an SMS reset code", async () => {
    await t.db.updateTable("users").set({ email: null }).where("id", "=", DEMO.id).execute();
    const token = await issueNotMeToken(t.db, { userId: DEMO.id, alert: "password_changed", now: Date.now() });
    expect(await report(token)).toEqual({ freeze: "frozen", reset: { via: "sms", to: "+86 138****8000", mobile: DEMO.mobile } });
    const codes = await t.db.selectFrom("outbox").selectAll().where("kind", "=", "reset_code").execute();
    expect(codes).toHaveLength(1);
    expect(renderOutboxMessage(codes[0]).text).toMatch(/\d{6}/);
  });

  it("a support freeze stays as it is, and the reset still starts", async () => {
    const token = await issueNotMeToken(t.db, { userId: FROZEN.id, alert: "password_changed", now: Date.now() });
    const sendEmailLink = vi.fn(async () => undefined);
    expect(await report(token, sendEmailLink)).toMatchObject({ freeze: "support_frozen", reset: { via: "email" } });
    expect(await t.db.selectFrom("users").select(["status", "frozen_reason"]).where("id", "=", FROZEN.id).executeTakeFirstOrThrow()).toEqual({ status: "frozen", frozen_reason: "risk_review" });
    expect(sendEmailLink).toHaveBeenCalledTimes(1);
  });

  it("the reset keeps the forgot-password limits: past them the freeze still happens and the page says so", async () => {
    const sendEmailLink = vi.fn(async () => undefined);
    for (let i = 0; i < 5; i++) {
      const token = await issueNotMeToken(t.db, { userId: DEMO.id, alert: "new_device", now: Date.now() });
      expect(await report(token, sendEmailLink)).toMatchObject({ reset: { via: "email" } });
    }
    const token = await issueNotMeToken(t.db, { userId: DEMO.id, alert: "new_device", now: Date.now() });
    expect(await report(token, sendEmailLink)).toEqual({ freeze: "already_self_frozen", reset: { via: "limited" } });
    expect(sendEmailLink).toHaveBeenCalledTimes(5);
  });

  it("an unknown, expired or used link changes nothing", async () => {
    const now = Date.now();
    const token = await issueNotMeToken(t.db, { userId: DEMO.id, alert: "new_device", now: now - NOT_ME_TTL_MS });
    expect(await report(token, undefined, now)).toEqual({ refused: "not_me_link_invalid" });
    expect(await report("not-a-token", undefined, now)).toEqual({ refused: "not_me_link_invalid" });
    expect(await statusOf(DEMO.id)).toBe("active");
    expect(await t.db.selectFrom("outbox").select("id").execute()).toEqual([]);
  });
});
