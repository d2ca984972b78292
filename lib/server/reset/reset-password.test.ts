import { describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemoData } from "@/lib/db/seed";
import { verifyPassword } from "@/lib/password/argon2";
import { accountPauseKey } from "@/lib/server/lockout/pause-key";
import { createSqlCounterStore } from "@/lib/server/counters/sql-counter-store";
import { createSession } from "@/lib/server/sessions/create-session";
import { findLiveSession } from "@/lib/server/sessions/find-live-session";
import { testDatabases, useDatabase } from "@/test/databases";
import { outcomeOf } from "@/test/outcome";
import { resetPassword } from "./reset-password";

const DEMO = DEMO_ACCOUNTS[0];
const context = { ip: "203.0.113.8", userAgent: "vitest" };
const NEW = "Lantern-Orbit-7-Quay!";

describe.each(testDatabases())("resetPassword on $name", (kind) => {
  const t = useDatabase(kind);

  it("20 parallel submissions with one reset session change the password exactly once", async () => {
    await seedDemoData(t.db);
    const store = createSqlCounterStore(t.db);
    const reset = await createSession(t.db, { userId: DEMO.id, persistent: false, context, purpose: "reset" });
    const full = await createSession(t.db, { userId: DEMO.id, persistent: true, context });
    for (let i = 0; i < 3; i++) await store.reserveFailure(accountPauseKey(DEMO.id), Date.now());

    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => outcomeOf(resetPassword({ db: t.db, store, resetSessionId: reset.id, password: `${NEW}${i}`, context }))),
    );
    expect(results.filter((r) => r === undefined)).toHaveLength(1);
    expect(results.filter((r) => r !== undefined)).toEqual(Array(19).fill({ refused: "reset_expired" }));

    const user = await t.db.selectFrom("users").selectAll().where("id", "=", DEMO.id).executeTakeFirstOrThrow();
    const winner = results.findIndex((r) => r === undefined);
    expect(await verifyPassword(user.password_hash, `${NEW}${winner}`)).toBe(true);
    expect(await verifyPassword(user.password_hash, DEMO_PASSWORD)).toBe(false);
    const events = await t.db.selectFrom("security_events").select("type").where("type", "=", "password_reset").execute();
    expect(events).toHaveLength(1);
    const messages = await t.db.selectFrom("outbox").selectAll().where("kind", "=", "password_changed").execute();
    expect(messages.map((m) => m.channel).sort()).toEqual(["email", "sms"]);
    expect(await findLiveSession(t.db, full.secret)).toBeNull();
    expect(await store.getFailures(accountPauseKey(DEMO.id), Date.now())).toBeNull();
  });

  it("refuses the current password and the last five, and an expired reset session", async () => {
    await seedDemoData(t.db);
    const store = createSqlCounterStore(t.db);
    const session = () => createSession(t.db, { userId: DEMO.id, persistent: false, context, purpose: "reset" });
    expect(await outcomeOf(resetPassword({ db: t.db, store, resetSessionId: (await session()).id, password: DEMO_PASSWORD, context }))).toMatchObject({ refused: "password_reused" });
    const old = await session();
    expect(await outcomeOf(resetPassword({ db: t.db, store, resetSessionId: old.id, password: NEW, context, now: Date.now() + 16 * 60_000 }))).toMatchObject({ refused: "reset_expired" });
    const full = await createSession(t.db, { userId: DEMO.id, persistent: false, context });
    expect(await outcomeOf(resetPassword({ db: t.db, store, resetSessionId: full.id, password: NEW, context }))).toMatchObject({ refused: "reset_expired" });
  });

  it("cannot bypass two-step verification: without a second factor on the reset session, the password stays", async () => {
    await seedDemoData(t.db);
    const store = createSqlCounterStore(t.db);
    const twoFa = DEMO_ACCOUNTS[3];
    const reset = await createSession(t.db, { userId: twoFa.id, persistent: false, context, purpose: "reset" });
    expect(await outcomeOf(resetPassword({ db: t.db, store, resetSessionId: reset.id, password: NEW, context }))).toEqual({ refused: "second_factor_required" });
    const user = await t.db.selectFrom("users").select("password_hash").where("id", "=", twoFa.id).executeTakeFirstOrThrow();
    expect(await verifyPassword(user.password_hash, DEMO_PASSWORD)).toBe(true);
    await t.db.updateTable("sessions").set({ second_factor_at: Date.now() }).where("id", "=", reset.id).execute();
    expect(await outcomeOf(resetPassword({ db: t.db, store, resetSessionId: reset.id, password: NEW, context }))).toBeUndefined();
  });
});
