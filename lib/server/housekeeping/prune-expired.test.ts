import { describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS, seedDemoData } from "@/lib/db/seed";
import { enqueueEmail } from "@/lib/mail/enqueue-email";
import { createSqlCounterStore } from "@/lib/server/counters/sql-counter-store";
import { createSession } from "@/lib/server/sessions/create-session";
import { testDatabases, useDatabase } from "@/test/databases";
import { pruneExpired } from "./prune-expired";

const HOUR = 3_600_000;
const context = { ip: null, userAgent: null };

describe.each(testDatabases())("pruneExpired on $name", (kind) => {
  const t = useDatabase(kind);

  it("removes only what no rule can use any more", async () => {
    await seedDemoData(t.db);
    const store = createSqlCounterStore(t.db);
    const now = Date.now();
    await store.hit("old-window", 1000, now - 2000);
    await store.hit("live-window", 60_000, now);
    await store.reserveFailure("forgotten", now - 13 * HOUR);
    await store.reserveFailure("remembered", now - 11 * HOUR);
    // Last failure 13 h ago, but its 16 h pause ended only an hour ago: still remembered.
    await t.db.insertInto("sign_in_failures").values({ key: "pause-ended-recently", failures: 35, last_failure_at: now - 13 * HOUR, paused_until: now - HOUR }).execute();
    const userId = DEMO_ACCOUNTS[0].id;
    await createSession(t.db, { userId, persistent: false, context, now: now - 2 * HOUR });
    await createSession(t.db, { userId, persistent: true, context, now: now - 2 * HOUR });
    const iso = (at: number) => (kind.name === "sqlite" ? new Date(at).toISOString() : new Date(at));
    await t.db.insertInto("verification_tokens").values([
      { identifier: "a@qianneng.test", token: "expired", expires: iso(now - 1000) },
      { identifier: "a@qianneng.test", token: "live", expires: iso(now + 60_000) },
    ]).execute();

    await t.db.insertInto("ended_sessions").values([
      { session_id: "ended-expired", user_id: userId, reason: "signed_out_elsewhere", ended_at: now - HOUR, expires_at: now - 1000 },
      { session_id: "ended-live", user_id: userId, reason: "signed_out_elsewhere", ended_at: now - HOUR, expires_at: now + HOUR },
    ]).execute();
    await t.db.insertInto("not_me_tokens").values([
      { token_hash: "not-me-expired", user_id: userId, alert: "new_device", created_at: now - 8 * 24 * HOUR, expires_at: now - 1000, used_at: null },
      { token_hash: "not-me-live", user_id: userId, alert: "new_device", created_at: now, expires_at: now + HOUR, used_at: null },
    ]).execute();

    const removed = await pruneExpired(t.db, now);
    expect(removed).toMatchObject({ rate_counters: 1, sign_in_failures: 1, verification_tokens: 1, sessions: 1, ended_sessions: 1, not_me_tokens: 1 });
    expect((await t.db.selectFrom("ended_sessions").select("session_id").execute()).map((r) => r.session_id)).toEqual(["ended-live"]);
    expect((await t.db.selectFrom("not_me_tokens").select("token_hash").execute()).map((r) => r.token_hash)).toEqual(["not-me-live"]);
    expect(await store.getFailures("remembered", now)).not.toBeNull();
    expect(await store.getFailures("pause-ended-recently", now)).not.toBeNull();
    expect((await t.db.selectFrom("rate_counters").select("key").execute()).map((r) => r.key)).toEqual(["live-window"]);
    expect((await t.db.selectFrom("verification_tokens").select("token").execute()).map((r) => r.token)).toEqual(["live"]);
    expect(await t.db.selectFrom("sessions").select("persistent").execute()).toEqual([{ persistent: 1 }]);
    expect(await pruneExpired(t.db, now)).toMatchObject({ rate_counters: 0, sign_in_failures: 0, sessions: 0 });
  });

  it("deletes sent and failed messages 30 days after they settled and security events after 400 days; waiting messages stay", async () => {
    const now = Date.now();
    const DAY = 24 * HOUR;
    await t.db.deleteFrom("outbox").execute();
    await t.db.deleteFrom("security_events").execute();
    const message = async (subject: string, status: "pending" | "sent" | "failed", settledDaysAgo: number | null) => {
      const id = await enqueueEmail(t.db, { to: "demo@qianneng.test", subject, text: "正文", kind: "test", now: now - 60 * DAY });
      const settled_at = settledDaysAgo === null ? null : now - settledDaysAgo * DAY;
      await t.db.updateTable("outbox").set({ status, settled_at, sent_at: status === "sent" ? settled_at : null }).where("id", "=", id).execute();
    };
    await message("sent long ago", "sent", 31);
    await message("failed long ago", "failed", 30);
    await message("sent recently", "sent", 29);
    await message("failed recently", "failed", 1);
    await message("waiting for weeks", "pending", null);
    const event = (type: string, daysAgo: number) => ({ type, user_id: null, identifier_hash: null, ip: null, user_agent: null, detail: null, created_at: now - daysAgo * DAY });
    await t.db.insertInto("security_events").values([event("old", 401), event("just old enough", 400), event("kept", 399), event("recent", 0)]).execute();

    expect(await pruneExpired(t.db, now)).toMatchObject({ outbox: 2, security_events: 2 });
    const subjects = (await t.db.selectFrom("outbox").select("subject").orderBy("subject").execute()).map((r) => r.subject);
    expect(subjects).toEqual(["failed recently", "sent recently", "waiting for weeks"]);
    expect((await t.db.selectFrom("security_events").select("type").orderBy("type").execute()).map((r) => r.type)).toEqual(["kept", "recent"]);
    expect(await pruneExpired(t.db, now)).toMatchObject({ outbox: 0, security_events: 0 });
  });
});
