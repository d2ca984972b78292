import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { DEMO_ACCOUNTS, seedDemoData } from "@/lib/db/seed";
import { admitVerifiedUser } from "@/lib/server/auth/admit-verified-user";
import { createSession } from "@/lib/server/sessions/create-session";
import { testDatabases, useDatabase } from "@/test/databases";
import { outcomeOf } from "@/test/outcome";
import { selfFreeze, selfFreezeWithin } from "./self-freeze";

// admitVerifiedUser hands a frozen account a status ticket through next/headers.
vi.mock("next/headers", () => ({ cookies: async () => ({ set: () => undefined, get: () => undefined }), headers: async () => new Headers() }));

const [DEMO, , FROZEN, , AGENT] = DEMO_ACCOUNTS;
const context = { ip: "203.0.113.77", userAgent: "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1" };

describe.each(testDatabases())("selfFreeze on $name", (kind) => {
  const t = useDatabase(kind);
  const userRow = (id: string) => t.db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
  const sessionsOf = (id: string) => t.db.selectFrom("sessions").select(["id", "purpose"]).where("user_id", "=", id).execute();
  const eventsOf = (id: string, type: string) => t.db.selectFrom("security_events").selectAll().where("user_id", "=", id).where("type", "=", type).execute();
  const trustedOf = (id: string) => t.db.selectFrom("trusted_browsers").select("id").where("user_id", "=", id).execute();
  const trust = (userId: string) =>
    t.db.insertInto("trusted_browsers").values({ id: randomUUID(), user_id: userId, token_hash: randomUUID(), ip: null, user_agent: null, created_at: 1, last_used_at: 1, expires_at: Date.now() + 86_400_000 }).execute();

  beforeEach(async () => {
    await seedDemoData(t.db);
    for (const table of ["sessions", "trusted_browsers", "ended_sessions", "outbox", "not_me_tokens", "security_events"] as const) await t.db.deleteFrom(table).execute();
  });

  it("ends every session and trusted browser, records why, audits how, and alerts each channel with a 'not me' link", async () => {
    const phone = await createSession(t.db, { userId: DEMO.id, persistent: true, context });
    const laptop = await createSession(t.db, { userId: DEMO.id, persistent: false, context });
    await createSession(t.db, { userId: DEMO.id, persistent: false, context, purpose: "second_factor" });
    await Promise.all([trust(DEMO.id), trust(DEMO.id), trust(AGENT.id)]);
    const other = await createSession(t.db, { userId: AGENT.id, persistent: false, context });

    expect(await selfFreeze(t.db, { userId: DEMO.id, how: "account", context })).toBe("frozen");

    expect(await userRow(DEMO.id)).toMatchObject({ status: "self_frozen", frozen_reason: "owner_request", frozen_case_ref: null });
    expect(await sessionsOf(DEMO.id)).toEqual([]);
    expect(await trustedOf(DEMO.id)).toEqual([]);
    expect(await sessionsOf(AGENT.id)).toEqual([{ id: other.id, purpose: "full" }]);
    expect(await trustedOf(AGENT.id)).toHaveLength(1);
    const ended = await t.db.selectFrom("ended_sessions").select(["session_id", "reason"]).where("user_id", "=", DEMO.id).execute();
    expect(ended.map((e) => e.reason)).toEqual(["account_frozen", "account_frozen", "account_frozen"]);
    expect(ended.map((e) => e.session_id)).toEqual(expect.arrayContaining([phone.id, laptop.id]));
    const [audit] = await eventsOf(DEMO.id, "account_frozen");
    expect(JSON.parse(audit.detail!)).toMatchObject({ status: "self_frozen", actor: DEMO.id, how: "account", sessionsEnded: 3 });
    expect(audit.ip).toBe(context.ip);

    const alerts = await t.db.selectFrom("outbox").selectAll().where("user_id", "=", DEMO.id).orderBy("channel").execute();
    expect(alerts.map((m) => [m.channel, m.recipient, m.kind])).toEqual([
      ["email", DEMO.email, "account_frozen"],
      ["sms", DEMO.mobile, "account_frozen"],
    ]);
    for (const alert of alerts) {
      expect(alert.body_text).toContain("你在账户中操作");
      expect(alert.body_text).not.toContain("/not-me?token=");
      expect(alert.secrets).not.toBeNull();
    }
    expect(await t.db.selectFrom("not_me_tokens").select("alert").where("user_id", "=", DEMO.id).execute()).toEqual([{ alert: "account_frozen" }]);
  });

  it("is one transaction with the caller's: when the caller fails, nothing is frozen and nobody is signed out", async () => {
    const session = await createSession(t.db, { userId: DEMO.id, persistent: false, context });
    const failed = t.db.transaction().execute(async (trx) => {
      await selfFreezeWithin(trx, { userId: DEMO.id, how: "not_me", context });
      throw new Error("the caller's next step failed");
    });
    await expect(failed).rejects.toThrow("next step failed");
    expect((await userRow(DEMO.id)).status).toBe("active");
    expect(await sessionsOf(DEMO.id)).toEqual([{ id: session.id, purpose: "full" }]);
    expect(await t.db.selectFrom("outbox").select("id").execute()).toEqual([]);
  });

  it("keeps the case reference of a reported transaction", async () => {
    expect(await selfFreeze(t.db, { userId: DEMO.id, how: "report", caseRef: "QN-2026-000123", context })).toBe("frozen");
    expect(await userRow(DEMO.id)).toMatchObject({ status: "self_frozen", frozen_case_ref: "QN-2026-000123" });
    const [alert] = await t.db.selectFrom("outbox").select("body_text").where("channel", "=", "email").execute();
    expect(alert.body_text).toContain("你在举报交易后操作");
  });

  it("is idempotent: freezing a self-frozen account again changes nothing and sends nothing", async () => {
    await selfFreeze(t.db, { userId: DEMO.id, how: "account", context, now: 1_000 });
    expect(await selfFreeze(t.db, { userId: DEMO.id, how: "status", context, now: 2_000 })).toBe("already_self_frozen");
    expect(Number((await userRow(DEMO.id)).frozen_at)).toBe(1_000);
    expect(await eventsOf(DEMO.id, "account_frozen")).toHaveLength(1);
    expect(await t.db.selectFrom("outbox").select("id").execute()).toHaveLength(2);
  });

  it("never turns a support freeze into a self-freeze (which the owner could lift)", async () => {
    const before = await userRow(FROZEN.id);
    expect(await selfFreeze(t.db, { userId: FROZEN.id, how: "status", context })).toBe("support_frozen");
    expect(await userRow(FROZEN.id)).toEqual(before);
    expect(await eventsOf(FROZEN.id, "account_frozen")).toEqual([]);
    expect(await t.db.selectFrom("outbox").select("id").execute()).toEqual([]);
  });

  it("refuses a closed or unknown account", async () => {
    await t.db.updateTable("users").set({ status: "closed" }).where("id", "=", DEMO.id).execute();
    expect(await outcomeOf(selfFreeze(t.db, { userId: DEMO.id, how: "account", context }))).toEqual({ refused: "account_unavailable" });
    expect(await outcomeOf(selfFreeze(t.db, { userId: "no-such-user", how: "account", context }))).toEqual({ refused: "account_unavailable" });
    expect((await userRow(DEMO.id)).status).toBe("closed");
  });

  it("raced with sign-ins: no full session survives the freeze, and none opens after it", async () => {
    for (let round = 0; round < 5; round++) {
      await t.db.updateTable("users").set({ status: "active" }).where("id", "=", DEMO.id).execute();
      await t.db.deleteFrom("sessions").execute();
      const signIns = Array.from({ length: 8 }, () => outcomeOf(createSession(t.db, { userId: DEMO.id, persistent: false, context })));
      const [freeze, ...opened] = await Promise.all([selfFreeze(t.db, { userId: DEMO.id, how: "account", context }), ...signIns]);
      expect(freeze).toBe("frozen");
      for (const result of opened) if ("refused" in result) expect(result.refused).toBe("account_frozen");
      expect(await sessionsOf(DEMO.id)).toEqual([]);
    }
    expect(await outcomeOf(createSession(t.db, { userId: DEMO.id, persistent: true, context }))).toEqual({ refused: "account_frozen" });
    const user = await userRow(DEMO.id);
    const admitted = outcomeOf(admitVerifiedUser({ db: t.db, user, remember: false, context, identifierHash: null, via: "password", now: Date.now() }));
    expect(await admitted).toEqual({ refused: "account_frozen" });
    // A reset-only session still opens: the "not me" flow's password reset must work on a frozen account.
    expect(await createSession(t.db, { userId: DEMO.id, persistent: false, context, purpose: "reset" })).toHaveProperty("id");
  });
});
