import { beforeAll, describe, expect, it } from "vitest";
import { testDatabases, useDatabase } from "@/test/databases";
import { createSession } from "./create-session";
import { endAllSessions } from "./end-all-sessions";
import { endSession } from "./end-session";
import { findLiveSession } from "./find-live-session";
import { hashSessionSecret, isSessionLive } from "./session-policy";

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const T0 = 1_767_225_600_000;
const context = { ip: "203.0.113.9", userAgent: "vitest" };

describe.each(testDatabases())("sessions on $name", (kind) => {
  const t = useDatabase(kind);
  let n = 0;

  /** A user of its own for each test, so tests cannot see each other's sessions. */
  async function newUser(): Promise<string> {
    const id = `user-${++n}`;
    await t.db
      .insertInto("users")
      .values({ id, email: `${id}@qianneng.test`, mobile: null, name: id, password_hash: null, status: "active", role: "user", locale: "zh-CN", frozen_reason: null, frozen_case_ref: null, frozen_at: null, password_changed_at: null, email_verified_at: null, created_at: T0, updated_at: T0 })
      .execute();
    return id;
  }

  const rowOf = (id: string) => t.db.selectFrom("sessions").selectAll().where("id", "=", id).executeTakeFirst();

  beforeAll(async () => {
    // A session of someone else that must never be touched by the tests below.
    await createSession(t.db, { userId: await newUser(), persistent: false, context, now: T0 });
  });

  it("createSession then findLiveSession(secret) returns the row", async () => {
    const userId = await newUser();
    const { id, secret } = await createSession(t.db, { userId, persistent: false, context, now: T0 });
    const found = await findLiveSession(t.db, secret, T0 + 1000);
    expect(found).toMatchObject({
      id,
      user_id: userId,
      persistent: 0,
      ip: "203.0.113.9",
      user_agent: "vitest",
      created_at: T0,
      last_seen_at: T0,
      expires_at: T0 + 12 * HOUR,
    });
  });

  it("stores only a hash of the secret", async () => {
    const { id, secret } = await createSession(t.db, { userId: await newUser(), persistent: true, context, now: T0 });
    const row = await rowOf(id);
    expect(secret.length).toBeGreaterThanOrEqual(40);
    expect(row?.token_hash).toBe(hashSessionSecret(secret));
    expect(row?.token_hash).not.toBe(secret);
    expect(row?.token_hash).not.toContain(secret);
    expect(row?.expires_at).toBe(T0 + 30 * DAY);
    // The stored hash itself is not a working secret.
    expect(await findLiveSession(t.db, row!.token_hash, T0)).toBeNull();
  });

  it("gives each session its own secret", async () => {
    const userId = await newUser();
    const a = await createSession(t.db, { userId, persistent: false, context, now: T0 });
    const b = await createSession(t.db, { userId, persistent: false, context, now: T0 });
    expect(a.secret).not.toBe(b.secret);
    expect(a.id).not.toBe(b.id);
    expect((await findLiveSession(t.db, a.secret, T0))?.id).toBe(a.id);
    expect((await findLiveSession(t.db, b.secret, T0))?.id).toBe(b.id);
  });

  it("an unknown secret finds nothing", async () => {
    expect(await findLiveSession(t.db, "not-a-session-secret", T0)).toBeNull();
  });

  it("a normal session left idle over 30 minutes is dead and its row deleted", async () => {
    const { id, secret } = await createSession(t.db, { userId: await newUser(), persistent: false, context, now: T0 });
    expect(await findLiveSession(t.db, secret, T0 + 29 * MIN)).not.toBeNull();
    // Idle counts from the last use (T0 + 29 min), not from creation.
    expect(await findLiveSession(t.db, secret, T0 + 58 * MIN)).not.toBeNull();
    expect(await rowOf(id)).toBeDefined();
    expect(await findLiveSession(t.db, secret, T0 + 58 * MIN + 30 * MIN + 1)).toBeNull();
    expect(await rowOf(id)).toBeUndefined();
    // Once gone, it stays gone even with an earlier clock.
    expect(await findLiveSession(t.db, secret, T0 + MIN)).toBeNull();
  });

  it("exactly 30 minutes idle is already too long", async () => {
    const { secret } = await createSession(t.db, { userId: await newUser(), persistent: false, context, now: T0 });
    expect(await findLiveSession(t.db, secret, T0 + 30 * MIN)).toBeNull();
  });

  it("a persistent session survives 2 h idle but dies after 30 days", async () => {
    const { id, secret } = await createSession(t.db, { userId: await newUser(), persistent: true, context, now: T0 });
    expect(await findLiveSession(t.db, secret, T0 + 2 * HOUR)).not.toBeNull();
    expect(await findLiveSession(t.db, secret, T0 + 10 * DAY)).not.toBeNull();
    expect(await findLiveSession(t.db, secret, T0 + 30 * DAY - 1)).not.toBeNull();
    expect(await findLiveSession(t.db, secret, T0 + 30 * DAY)).toBeNull();
    expect(await rowOf(id)).toBeUndefined();
  });

  it("a normal session dies at 12 h even when used all along", async () => {
    const { id, secret } = await createSession(t.db, { userId: await newUser(), persistent: false, context, now: T0 });
    for (let at = 20 * MIN; at < 12 * HOUR; at += 20 * MIN) {
      expect(await findLiveSession(t.db, secret, T0 + at), `at ${at / MIN} min`).not.toBeNull();
    }
    expect((await rowOf(id))?.last_seen_at).toBe(T0 + 12 * HOUR - 20 * MIN);
    expect(await findLiveSession(t.db, secret, T0 + 12 * HOUR)).toBeNull();
    expect(await rowOf(id)).toBeUndefined();
  });

  it("last_seen_at is written only after at least 60 s", async () => {
    const { id, secret } = await createSession(t.db, { userId: await newUser(), persistent: false, context, now: T0 });
    expect((await findLiveSession(t.db, secret, T0 + 59_999))?.last_seen_at).toBe(T0);
    expect((await rowOf(id))?.last_seen_at).toBe(T0);
    expect((await findLiveSession(t.db, secret, T0 + 60_000))?.last_seen_at).toBe(T0 + 60_000);
    expect((await rowOf(id))?.last_seen_at).toBe(T0 + 60_000);
    expect((await findLiveSession(t.db, secret, T0 + 100_000))?.last_seen_at).toBe(T0 + 60_000);
    expect((await rowOf(id))?.last_seen_at).toBe(T0 + 60_000);
  });

  it("endSession removes the session and returns its owner", async () => {
    const userId = await newUser();
    const { id, secret } = await createSession(t.db, { userId, persistent: true, context, now: T0 });
    const other = await createSession(t.db, { userId, persistent: true, context, now: T0 });
    expect(await endSession(t.db, secret)).toBe(userId);
    expect(await findLiveSession(t.db, secret, T0)).toBeNull();
    expect(await rowOf(id)).toBeUndefined();
    expect(await findLiveSession(t.db, other.secret, T0)).not.toBeNull();
    // Ending it again, or an unknown secret, changes nothing.
    expect(await endSession(t.db, secret)).toBeNull();
    expect(await endSession(t.db, "unknown")).toBeNull();
  });

  it("endAllSessions ends every session of the account except the one kept", async () => {
    const userId = await newUser();
    const otherUser = await newUser();
    const kept = await createSession(t.db, { userId, persistent: false, context, now: T0 });
    const a = await createSession(t.db, { userId, persistent: true, context, now: T0 });
    const b = await createSession(t.db, { userId, persistent: false, context, now: T0 });
    const foreign = await createSession(t.db, { userId: otherUser, persistent: false, context, now: T0 });

    expect(await endAllSessions(t.db, userId, { reason: "password_changed", exceptSessionId: kept.id })).toBe(2);
    const left = await t.db.selectFrom("sessions").select("id").where("user_id", "=", userId).execute();
    expect(left.map((r) => r.id)).toEqual([kept.id]);
    expect(await findLiveSession(t.db, a.secret, T0)).toBeNull();
    expect(await findLiveSession(t.db, b.secret, T0)).toBeNull();
    expect(await findLiveSession(t.db, kept.secret, T0)).not.toBeNull();
    expect(await findLiveSession(t.db, foreign.secret, T0)).not.toBeNull();
    // Each ended session leaves why it ended, for its browser's next visit; the kept one leaves nothing.
    const ends = await t.db.selectFrom("ended_sessions").select(["session_id", "reason"]).where("user_id", "=", userId).orderBy("session_id").execute();
    expect(ends).toEqual([a.id, b.id].sort().map((id) => ({ session_id: id, reason: "password_changed" })));

    expect(await endAllSessions(t.db, userId, { reason: "password_changed" })).toBe(1);
    expect(await findLiveSession(t.db, kept.secret, T0)).toBeNull();
    expect(await findLiveSession(t.db, foreign.secret, T0)).not.toBeNull();
  });
});

describe("isSessionLive", () => {
  const row = (persistent: number, lastSeen: number, expires: number) => ({ persistent, last_seen_at: lastSeen, expires_at: expires });
  it("applies idle only to normal sessions and the expiry to both", () => {
    expect(isSessionLive(row(0, T0, T0 + 12 * HOUR), T0 + 29 * MIN)).toBe(true);
    expect(isSessionLive(row(0, T0, T0 + 12 * HOUR), T0 + 31 * MIN)).toBe(false);
    expect(isSessionLive(row(1, T0, T0 + 30 * DAY), T0 + 31 * MIN)).toBe(true);
    expect(isSessionLive(row(1, T0, T0 + 30 * DAY), T0 + 30 * DAY)).toBe(false);
    expect(isSessionLive(row(0, T0 + 12 * HOUR - MIN, T0 + 12 * HOUR), T0 + 12 * HOUR)).toBe(false);
  });
});
