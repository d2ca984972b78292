import { beforeAll, describe, expect, it } from "vitest";
import { createSession } from "@/lib/server/sessions/create-session";
import { hashToken } from "@/lib/server/tokens";
import { testDatabases, useDatabase } from "@/test/databases";
import { outcomeOf } from "@/test/outcome";
import { findEndReason } from "@/lib/server/auth/find-ended-session";
import { listDevices } from "./list-devices";
import { signOutDevice } from "./sign-out-device";
import { signOutOtherDevices } from "./sign-out-other-devices";

const MIN = 60_000;
const DAY = 24 * 60 * MIN;
const T0 = 1_767_225_600_000;
const CHROME_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36";
const SAFARI_IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1";
const laptop = { ip: "203.0.113.42", userAgent: CHROME_WINDOWS };
const phone = { ip: "198.51.100.7", userAgent: SAFARI_IPHONE };

describe.each(testDatabases())("devices on $name", (kind) => {
  const t = useDatabase(kind);
  let n = 0;
  let stranger: string;

  async function newUser(): Promise<string> {
    const id = `device-user-${++n}`;
    await t.db
      .insertInto("users")
      .values({ id, email: `${id}@qianneng.test`, mobile: null, name: id, password_hash: null, status: "active", role: "user", locale: "zh-CN", frozen_reason: null, frozen_case_ref: null, frozen_at: null, password_changed_at: null, email_verified_at: null, created_at: T0, updated_at: T0 })
      .execute();
    return id;
  }

  async function trust(userId: string, { at = T0, context = laptop } = {}): Promise<string> {
    const id = crypto.randomUUID();
    await t.db
      .insertInto("trusted_browsers")
      .values({ id, user_id: userId, token_hash: hashToken(id), ip: context.ip, user_agent: context.userAgent, created_at: at, last_used_at: at, expires_at: at + 30 * DAY })
      .execute();
    return id;
  }

  const sessionIds = async (userId: string) => (await t.db.selectFrom("sessions").select("id").where("user_id", "=", userId).execute()).map((r) => r.id).sort();
  const trustedIds = async (userId: string) => (await t.db.selectFrom("trusted_browsers").select("id").where("user_id", "=", userId).execute()).map((r) => r.id).sort();
  const events = async (userId: string) => (await t.db.selectFrom("security_events").select(["type", "detail"]).where("user_id", "=", userId).orderBy("id").execute()).map((e) => ({ type: e.type, detail: e.detail && JSON.parse(e.detail) }));
  const ends = async (userId: string) => (await t.db.selectFrom("ended_sessions").select(["session_id", "reason"]).where("user_id", "=", userId).orderBy("session_id").execute());

  beforeAll(async () => {
    // Someone else's session and trusted browser: never listed, never touched.
    stranger = await newUser();
    await createSession(t.db, { userId: stranger, persistent: true, context: laptop, now: T0 });
    await trust(stranger);
  });

  it("lists live full sessions and unexpired trusted browsers, newest first, this device marked, parsed and masked", async () => {
    const userId = await newUser();
    const here = await createSession(t.db, { userId, persistent: false, context: laptop, now: T0 + 10 * MIN });
    const there = await createSession(t.db, { userId, persistent: true, context: phone, now: T0 });
    // Dead or not full: idle too long, past its expiry, a second step still owed, a reset-only session.
    await createSession(t.db, { userId, persistent: false, context: phone, now: T0 - 40 * MIN });
    await createSession(t.db, { userId, persistent: true, context: phone, now: T0 - 31 * DAY });
    await createSession(t.db, { userId, persistent: false, context: phone, purpose: "second_factor", now: T0 + 14 * MIN });
    await createSession(t.db, { userId, persistent: false, context: phone, purpose: "reset", now: T0 + 14 * MIN });
    const trustedHere = await trust(userId, { at: T0 + 5 * MIN });
    await trust(userId, { at: T0 - 31 * DAY });

    const devices = await listDevices(t.db, { userId, currentSessionId: here.id, currentTrustedBrowserId: trustedHere, now: T0 + 15 * MIN });

    expect(devices).toEqual([
      { kind: "session", id: here.id, browser: "Chrome 124", os: "Windows 10", maskedIp: "203.0.113.*", firstSeenAt: T0 + 10 * MIN, lastSeenAt: T0 + 10 * MIN, current: true },
      { kind: "trusted_browser", id: trustedHere, browser: "Chrome 124", os: "Windows 10", maskedIp: "203.0.113.*", firstSeenAt: T0 + 5 * MIN, lastSeenAt: T0 + 5 * MIN, current: true },
      { kind: "session", id: there.id, browser: "Mobile Safari 17", os: "iOS 17.4", maskedIp: "198.51.100.*", firstSeenAt: T0, lastSeenAt: T0, current: false },
    ]);
    expect(JSON.stringify(devices)).not.toContain("203.0.113.42");
  });

  it("never lists another account's devices, and an account without any lists nothing", async () => {
    const userId = await newUser();
    expect(await listDevices(t.db, { userId, currentSessionId: "none", now: T0 })).toEqual([]);
  });

  it("signs out one device and leaves the others; the ended browser is told why", async () => {
    const userId = await newUser();
    const here = await createSession(t.db, { userId, persistent: false, context: laptop, now: T0 });
    const a = await createSession(t.db, { userId, persistent: true, context: phone, now: T0 });
    const b = await createSession(t.db, { userId, persistent: true, context: phone, now: T0 });

    await signOutDevice(t.db, { userId, currentSessionId: here.id, kind: "session", id: a.id, context: laptop, now: T0 + MIN });

    expect(await sessionIds(userId)).toEqual([here.id, b.id].sort());
    expect(await ends(userId)).toEqual([{ session_id: a.id, reason: "signed_out_elsewhere" }]);
    expect(await findEndReason(t.db, { sessionId: a.id, now: T0 + 2 * MIN })).toBe("signed_out_elsewhere");
    expect(await findEndReason(t.db, { sessionId: b.id, now: T0 + 2 * MIN })).toBeNull();
    expect(await events(userId)).toEqual([{ type: "session_revoked", detail: null }]);
  });

  it("stops trusting one browser", async () => {
    const userId = await newUser();
    const here = await createSession(t.db, { userId, persistent: false, context: laptop, now: T0 });
    const kept = await trust(userId);
    const gone = await trust(userId, { context: phone });

    await signOutDevice(t.db, { userId, currentSessionId: here.id, kind: "trusted_browser", id: gone, context: laptop, now: T0 });

    expect(await trustedIds(userId)).toEqual([kept]);
    expect(await sessionIds(userId)).toEqual([here.id]);
    expect(await events(userId)).toEqual([{ type: "trusted_browser_revoked", detail: null }]);
  });

  it("refuses another account's session or trusted browser and changes nothing", async () => {
    const userId = await newUser();
    const here = await createSession(t.db, { userId, persistent: false, context: laptop, now: T0 });
    const theirs = await createSession(t.db, { userId: stranger, persistent: true, context: phone, now: T0 });
    const theirTrust = await trust(stranger);

    expect(await outcomeOf(signOutDevice(t.db, { userId, currentSessionId: here.id, kind: "session", id: theirs.id, context: laptop, now: T0 }))).toEqual({ refused: "device_not_found" });
    expect(await outcomeOf(signOutDevice(t.db, { userId, currentSessionId: here.id, kind: "trusted_browser", id: theirTrust, context: laptop, now: T0 }))).toEqual({ refused: "device_not_found" });
    // A session id passed as a trusted browser's is not found either.
    expect(await outcomeOf(signOutDevice(t.db, { userId, currentSessionId: here.id, kind: "trusted_browser", id: here.id, context: laptop, now: T0 }))).toEqual({ refused: "device_not_found" });

    expect(await sessionIds(stranger)).toContain(theirs.id);
    expect(await trustedIds(stranger)).toContain(theirTrust);
    expect(await ends(stranger)).toEqual([]);
    expect(await events(userId)).toEqual([]);
    expect(await events(stranger)).toEqual([]);
  });

  it("refuses this browser's own session: the ordinary sign-out is for it", async () => {
    const userId = await newUser();
    const here = await createSession(t.db, { userId, persistent: false, context: laptop, now: T0 });
    expect(await outcomeOf(signOutDevice(t.db, { userId, currentSessionId: here.id, kind: "session", id: here.id, context: laptop, now: T0 }))).toEqual({ refused: "device_is_current" });
    expect(await sessionIds(userId)).toEqual([here.id]);
  });

  it("signs out every other device: only this session and this trusted browser stay", async () => {
    const userId = await newUser();
    const here = await createSession(t.db, { userId, persistent: false, context: laptop, now: T0 });
    const a = await createSession(t.db, { userId, persistent: true, context: phone, now: T0 });
    const b = await createSession(t.db, { userId, persistent: false, context: phone, now: T0 });
    const trustedHere = await trust(userId);
    await trust(userId, { context: phone });

    expect(await signOutOtherDevices(t.db, { userId, currentSessionId: here.id, currentTrustedBrowserId: trustedHere, context: laptop, now: T0 })).toBe(2);

    expect(await sessionIds(userId)).toEqual([here.id]);
    expect(await trustedIds(userId)).toEqual([trustedHere]);
    expect(await ends(userId)).toEqual([a.id, b.id].sort().map((session_id) => ({ session_id, reason: "signed_out_everywhere_else" })));
    expect(await events(userId)).toEqual([{ type: "sessions_revoked", detail: { count: 2 } }]);
    expect((await sessionIds(stranger)).length).toBeGreaterThan(0);
    expect((await trustedIds(stranger)).length).toBeGreaterThan(0);
  });

  it("without a trusted browser of its own, every trusted browser stops being trusted", async () => {
    const userId = await newUser();
    const here = await createSession(t.db, { userId, persistent: false, context: laptop, now: T0 });
    await trust(userId, { context: phone });
    expect(await signOutOtherDevices(t.db, { userId, currentSessionId: here.id, currentTrustedBrowserId: null, context: laptop, now: T0 })).toBe(0);
    expect(await trustedIds(userId)).toEqual([]);
    expect(await sessionIds(userId)).toEqual([here.id]);
  });

  it("raced with new sign-ins, ends every session that existed before and records each", async () => {
    const userId = await newUser();
    const here = await createSession(t.db, { userId, persistent: false, context: laptop, now: T0 });
    const before = await Promise.all(Array.from({ length: 8 }, () => createSession(t.db, { userId, persistent: true, context: phone, now: T0 })));

    const [, ...during] = await Promise.all([
      signOutOtherDevices(t.db, { userId, currentSessionId: here.id, context: laptop, now: T0 + MIN }),
      ...Array.from({ length: 8 }, () => createSession(t.db, { userId, persistent: true, context: phone, now: T0 + MIN })),
    ]);

    const left = await sessionIds(userId);
    const ended = await ends(userId);
    const endedIds = ended.map((e) => e.session_id);
    expect(left).toContain(here.id);
    for (const s of before) {
      expect(left).not.toContain(s.id);
      expect(endedIds).toContain(s.id);
    }
    // A sign-in that raced the call either survived or was ended with a reason: none vanished unexplained.
    for (const s of during) expect(left.includes(s.id) !== endedIds.includes(s.id)).toBe(true);
    expect(new Set(ended.map((e) => e.reason))).toEqual(new Set(["signed_out_everywhere_else"]));
    const [audit] = await events(userId);
    expect(audit).toEqual({ type: "sessions_revoked", detail: { count: ended.length } });
  });

  it("two sign-outs of the same device at once: one signs it out, the other finds it gone", async () => {
    const userId = await newUser();
    const here = await createSession(t.db, { userId, persistent: false, context: laptop, now: T0 });
    const other = await createSession(t.db, { userId, persistent: true, context: phone, now: T0 });
    const outcomes = await Promise.all(
      Array.from({ length: 4 }, () => outcomeOf(signOutDevice(t.db, { userId, currentSessionId: here.id, kind: "session", id: other.id, context: laptop, now: T0 }))),
    );
    expect(outcomes.filter((o) => o === undefined)).toHaveLength(1);
    expect(outcomes.filter((o) => o !== undefined)).toEqual(Array(3).fill({ refused: "device_not_found" }));
    expect(await ends(userId)).toEqual([{ session_id: other.id, reason: "signed_out_elsewhere" }]);
    expect(await events(userId)).toEqual([{ type: "session_revoked", detail: null }]);
  });
});
