import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { hashIdentifier } from "@/lib/server/audit/hash-identifier";
import { pauseKeyOf } from "@/lib/server/lockout/pause-key";
import { recordSecurityEvent } from "@/lib/server/audit/record-security-event";
import { createSqlCounterStore } from "@/lib/server/counters/sql-counter-store";
import { FIRST_PAUSE_MS } from "@/lib/server/lockout/pause-policy";
import { clearStatusTables, FROZEN, insertStatusAccounts, OWNER, T0 } from "@/test/status-accounts";
import { testDatabases, useDatabase } from "@/test/databases";
import { getAccountStatus } from "./get-account-status";
import { unlockFromStatus } from "./unlock-from-status";

const CHROME_ON_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36";
const context = { ip: "203.0.113.42", userAgent: CHROME_ON_WINDOWS };

describe.each(testDatabases())("account status on $name", (kind) => {
  const database = useDatabase(kind);
  const deps = () => ({ db: database.db, store: createSqlCounterStore(database.db) });
  const statusOf = (userId: string, now = T0) => getAccountStatus({ ...deps(), userId, now });

  /** Five failures in a row, as sign-in records them: counter and audit row. */
  async function failFiveTimes(identifier: string, userId: string | null) {
    for (let i = 1; i <= 5; i++) {
      await deps().store.reserveFailure(pauseKeyOf(userId ? { id: userId } : null, hashIdentifier(identifier)), T0 + i * 1000);
      await recordSecurityEvent(database.db, { type: "sign_in_failed", userId, identifierHash: hashIdentifier(identifier), context, now: T0 + i * 1000 });
    }
  }

  beforeAll(async () => {
    await insertStatusAccounts(database.db);
  });
  beforeEach(async () => {
    await clearStatusTables(database.db);
  });

  it("an active account without failures: nothing paused, nothing to show", async () => {
    expect(await statusOf(OWNER.id)).toEqual({
      state: "active",
      email: "o***r@qianneng.test",
      mobile: "+86 139****9000",
      frozenReason: null,
      caseRef: null,
      frozenAt: null,
      pausedUntil: null,
      recentFailures: [],
      unfreezeProofs: null,
    });
  });

  it("reports the pause end and the last failed attempts with masked IP and device", async () => {
    await failFiveTimes(OWNER.email, OWNER.id);
    const status = await statusOf(OWNER.id, T0 + 10_000);
    expect(status?.pausedUntil).toBe(T0 + 5000 + FIRST_PAUSE_MS);
    expect(status?.recentFailures).toHaveLength(5);
    expect(status?.recentFailures[0]).toEqual({ at: T0 + 5000, ip: "203.0.113.*", device: { browser: "Chrome 124", os: "Windows 10" }, count: 1 });
    expect(JSON.stringify(status)).not.toContain("203.0.113.42");
    expect((await statusOf(OWNER.id, T0 + 5000 + FIRST_PAUSE_MS))?.pausedUntil).toBeNull();
  });

  it("a pause reached through the mobile counts, and attempts refused during a pause are listed (older ones carry no user id)", async () => {
    await failFiveTimes(OWNER.mobile, OWNER.id);
    await recordSecurityEvent(database.db, { type: "sign_in_refused_paused", identifierHash: hashIdentifier(OWNER.mobile), context, now: T0 + 9000 });
    // Two more refusals in the same minute: the same entry, counted.
    await recordSecurityEvent(database.db, { type: "sign_in_refused_paused", identifierHash: hashIdentifier(OWNER.mobile), context, now: T0 + 9100 });
    await recordSecurityEvent(database.db, { type: "sign_in_refused_paused", identifierHash: hashIdentifier(OWNER.mobile), context, now: T0 + 9200 });
    await recordSecurityEvent(database.db, { type: "sign_in_failed", identifierHash: hashIdentifier("someone-else@qianneng.test"), context, now: T0 + 9500 });
    const status = await statusOf(OWNER.id, T0 + 10_000);
    expect(status?.pausedUntil).toBe(T0 + 5000 + FIRST_PAUSE_MS);
    expect(status?.recentFailures.map((f) => f.at)).toEqual([T0 + 9000, T0 + 5000, T0 + 4000, T0 + 3000, T0 + 2000]);
    expect(status?.recentFailures.map((f) => f.count)).toEqual([3, 1, 1, 1, 1]);
  });

  it("a frozen account: state, reason code, case reference and since when", async () => {
    expect(await statusOf(FROZEN.id)).toMatchObject({ state: "frozen", frozenReason: "risk_review", caseRef: FROZEN.caseRef, frozenAt: T0 - 86_400_000, email: "f***r@qianneng.test", mobile: null });
  });

  it("an unknown user id → null", async () => {
    expect(await statusOf("no-such-user")).toBeNull();
  });

  it("unlock lifts the pause and is audited; with nothing paused it does nothing", async () => {
    await failFiveTimes(OWNER.email, OWNER.id);
    expect(await unlockFromStatus({ ...deps(), userId: OWNER.id, context, now: T0 + 10_000 })).toBe(true);
    expect((await statusOf(OWNER.id, T0 + 10_000))?.pausedUntil).toBeNull();
    const [event] = await database.db.selectFrom("security_events").selectAll().where("type", "=", "unlocked").execute();
    expect(event).toMatchObject({ user_id: OWNER.id, ip: context.ip });
    expect(JSON.parse(event.detail!)).toEqual({ via: "status_view" });

    expect(await unlockFromStatus({ ...deps(), userId: OWNER.id, context, now: T0 + 11_000 })).toBe(false);
    expect(await unlockFromStatus({ ...deps(), userId: "no-such-user", context, now: T0 + 11_000 })).toBe(false);
    expect(await database.db.selectFrom("security_events").select("id").where("type", "=", "unlocked").execute()).toHaveLength(1);
  });
});
