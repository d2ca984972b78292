import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import { describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/schema";
import { openOutboxSecrets } from "@/lib/outbox/outbox-secrets";
import { hashPassword, verifyPassword } from "@/lib/password/argon2";
import { createSqlCounterStore } from "@/lib/server/counters/sql-counter-store";
import { accountPauseKey } from "@/lib/server/lockout/pause-key";
import { createSession } from "@/lib/server/sessions/create-session";
import { findLiveSession } from "@/lib/server/sessions/find-live-session";
import { testDatabases, useDatabase } from "@/test/databases";
import { outcomeOf } from "@/test/outcome";
import { applyDueResetHolds } from "./apply-due-reset-holds";
import { findResetHoldLink } from "./find-reset-hold-link";
import { placeResetHold } from "./place-reset-hold";
import { RESET_HOLD_MS } from "./reset-hold-policy";
import { stopResetHold } from "./stop-reset-hold";

const OLD = "Harbour-Finch-42-Lamp!";
const NEW = "Lantern-Orbit-7-Quay!";
const context = { ip: "203.0.113.8", userAgent: "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36" };

/** An active account with email and mobile; two-step verification by SMS unless `twoStep` is false. */
async function addAccount(db: Kysely<Database>, { twoStep = true } = {}) {
  const id = randomUUID();
  const now = Date.now();
  await db
    .insertInto("users")
    .values({
      id,
      email: `hold-${id.slice(0, 8)}@qianneng.test`,
      mobile: `+86139${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`,
      name: "测试",
      password_hash: await hashPassword(OLD),
      status: "active",
      role: "user",
      locale: "en",
      frozen_reason: null,
      frozen_case_ref: null,
      frozen_at: null,
      password_changed_at: now,
      email_verified_at: null,
      created_at: now,
      updated_at: now,
      sms_two_step_at: twoStep ? now : null,
    })
    .execute();
  return id;
}

/** A hold placed through an email-link reset session; returns the "not me" token read back from the sealed outbox secret. */
async function placeHold(db: Kysely<Database>, userId: string, now = Date.now()) {
  const reset = await createSession(db, { userId, persistent: false, context, purpose: "reset", resetVia: "email", now });
  const { effectiveAt } = await placeResetHold({ db, resetSessionId: reset.id, password: NEW, context, now });
  const email = await db.selectFrom("outbox").selectAll().where("user_id", "=", userId).where("kind", "=", "reset_hold_notice").where("channel", "=", "email").orderBy("created_at", "desc").executeTakeFirstOrThrow();
  const url = openOutboxSecrets({ ...email, secrets: email.secrets! }).cancelUrl;
  return { reset, effectiveAt, token: new URL(url).searchParams.get("token")!, url };
}

/** How many times housekeeping put a waiting password in place for this account (other tests' holds share the database). */
const holdsApplied = async (db: Kysely<Database>, userId: string) =>
  (await db.selectFrom("reset_holds").select("id").where("user_id", "=", userId).where("applied_at", "is not", null).execute()).length;

const passwordOf = async (db: Kysely<Database>, userId: string) =>
  (await db.selectFrom("users").select("password_hash").where("id", "=", userId).executeTakeFirstOrThrow()).password_hash;

describe.each(testDatabases())("the 72-hour reset hold on $name", (kind) => {
  const t = useDatabase(kind);

  it("waits 72 hours, spends the reset session and tells every channel with a link stored only sealed and hashed", async () => {
    const userId = await addAccount(t.db);
    const now = Date.now();
    const { reset, effectiveAt, token, url } = await placeHold(t.db, userId, now);

    expect(effectiveAt).toBe(now + RESET_HOLD_MS);
    expect(await t.db.selectFrom("sessions").where("id", "=", reset.id).select("id").executeTakeFirst()).toBeUndefined();
    expect(await verifyPassword(await passwordOf(t.db, userId), OLD)).toBe(true);
    expect(url).toMatch(/\/reset-hold\?token=/);

    const notices = await t.db.selectFrom("outbox").selectAll().where("user_id", "=", userId).where("kind", "=", "reset_hold_notice").execute();
    expect(notices.map((n) => n.channel).sort()).toEqual(["email", "sms"]);
    for (const notice of notices) {
      expect(notice.body_text).toContain("⟦secret:cancelUrl⟧");
      expect(notice.body_text).toContain("203.0.113.*");
      expect(notice.body_text).toContain("Chrome 124");
      expect(JSON.stringify(notice)).not.toContain(token);
    }
    const holds = await t.db.selectFrom("reset_holds").selectAll().where("user_id", "=", userId).execute();
    expect(holds).toHaveLength(1);
    expect(JSON.stringify(holds)).not.toContain(token);
    expect(await verifyPassword(holds[0].password_hash, NEW)).toBe(true);
    const events = await t.db.selectFrom("security_events").select("detail").where("user_id", "=", userId).where("type", "=", "reset_hold_placed").execute();
    expect(events.map((e) => JSON.parse(e.detail!))).toEqual([{ via: "email", effectiveAt, replaced: 0 }]);
  });

  it("refuses an account without two-step verification, a recent password and a spent reset session", async () => {
    const plain = await addAccount(t.db, { twoStep: false });
    const session = (userId: string) => createSession(t.db, { userId, persistent: false, context, purpose: "reset", resetVia: "email" });
    expect(await outcomeOf(placeResetHold({ db: t.db, resetSessionId: (await session(plain)).id, password: NEW, context }))).toEqual({ refused: "invalid_input" });
    const userId = await addAccount(t.db);
    expect(await outcomeOf(placeResetHold({ db: t.db, resetSessionId: (await session(userId)).id, password: OLD, context }))).toEqual({ refused: "password_reused", field: "password" });
    const full = await createSession(t.db, { userId, persistent: false, context });
    expect(await outcomeOf(placeResetHold({ db: t.db, resetSessionId: full.id, password: NEW, context }))).toEqual({ refused: "reset_expired" });
    expect(await t.db.selectFrom("reset_holds").select("id").where("user_id", "in", [plain, userId]).execute()).toEqual([]);
  });

  it("a due hold is applied exactly once when two housekeeping runs race: the old password works until then, not after", async () => {
    const userId = await addAccount(t.db);
    const store = createSqlCounterStore(t.db);
    const now = Date.now();
    const { effectiveAt } = await placeHold(t.db, userId, now);
    const signedIn = await createSession(t.db, { userId, persistent: true, context, now });
    await store.reserveFailure(accountPauseKey(userId), now);

    await applyDueResetHolds(t.db, store, effectiveAt - 1);
    expect(await holdsApplied(t.db, userId)).toBe(0);
    expect(await verifyPassword(await passwordOf(t.db, userId), OLD)).toBe(true);

    await Promise.all([applyDueResetHolds(t.db, store, effectiveAt), applyDueResetHolds(t.db, store, effectiveAt)]);
    await applyDueResetHolds(t.db, store, effectiveAt + 60_000);
    expect(await holdsApplied(t.db, userId)).toBe(1);

    const hash = await passwordOf(t.db, userId);
    expect(await verifyPassword(hash, NEW)).toBe(true);
    expect(await verifyPassword(hash, OLD)).toBe(false);
    const history = await t.db.selectFrom("password_history").select("password_hash").where("user_id", "=", userId).execute();
    expect(history).toHaveLength(1);
    expect(await verifyPassword(history[0].password_hash, OLD)).toBe(true);
    expect(await findLiveSession(t.db, signedIn.secret, effectiveAt)).toBeNull();
    expect(await store.getFailures(accountPauseKey(userId), effectiveAt)).toBeNull();
    const confirmations = await t.db.selectFrom("outbox").select("channel").where("user_id", "=", userId).where("kind", "=", "password_changed").execute();
    expect(confirmations.map((c) => c.channel).sort()).toEqual(["email", "sms"]);
    const resets = await t.db.selectFrom("security_events").select("detail").where("user_id", "=", userId).where("type", "=", "password_reset").execute();
    expect(resets).toHaveLength(1);
    expect(JSON.parse(resets[0].detail!)).toMatchObject({ via: "hold" });
  });

  it("a hold is dropped, not applied, when the owner set a password meanwhile or the account was frozen", async () => {
    const store = createSqlCounterStore(t.db);
    const now = Date.now();
    const changed = await addAccount(t.db);
    const { effectiveAt } = await placeHold(t.db, changed, now);
    await t.db.updateTable("users").set({ password_changed_at: now + 1000 }).where("id", "=", changed).execute();
    const frozen = await addAccount(t.db);
    await placeHold(t.db, frozen, now);
    await t.db.updateTable("users").set({ status: "frozen" }).where("id", "=", frozen).execute();
    await applyDueResetHolds(t.db, store, effectiveAt + 1);
    for (const userId of [changed, frozen]) {
      expect(await holdsApplied(t.db, userId)).toBe(0);
      expect(await verifyPassword(await passwordOf(t.db, userId), OLD)).toBe(true);
      const [hold] = await t.db.selectFrom("reset_holds").select(["applied_at", "cancelled_at"]).where("user_id", "=", userId).execute();
      expect(hold.applied_at).toBeNull();
      expect(hold.cancelled_at).not.toBeNull();
    }
  });

  it("20 parallel clicks on the 'not me' link: one cancels and freezes, the hold is never applied", async () => {
    const userId = await addAccount(t.db);
    const store = createSqlCounterStore(t.db);
    const { token, effectiveAt } = await placeHold(t.db, userId);
    const signedIn = await createSession(t.db, { userId, persistent: true, context });
    expect(await findResetHoldLink(t.db, token)).toEqual({ effectiveAt, applied: false, cancelled: false });

    const clicks = await Promise.all(Array.from({ length: 20 }, () => stopResetHold(t.db, { token, context })));
    expect(clicks.filter(Boolean)).toHaveLength(1);
    expect(await findResetHoldLink(t.db, token)).toBeNull();
    expect(await stopResetHold(t.db, { token, context })).toBe(false);

    const user = await t.db.selectFrom("users").selectAll().where("id", "=", userId).executeTakeFirstOrThrow();
    expect(user.status).toBe("self_frozen");
    expect(await findLiveSession(t.db, signedIn.secret)).toBeNull();
    const hold = await t.db.selectFrom("reset_holds").selectAll().where("user_id", "=", userId).executeTakeFirstOrThrow();
    expect(hold.cancelled_at).not.toBeNull();
    const events = await t.db.selectFrom("security_events").select("type").where("user_id", "=", userId).where("type", "in", ["reset_hold_cancelled", "account_frozen"]).execute();
    expect(events.map((e) => e.type).sort()).toEqual(["account_frozen", "reset_hold_cancelled"]);

    await applyDueResetHolds(t.db, store, effectiveAt + 60_000);
    expect(await holdsApplied(t.db, userId)).toBe(0);
    expect(await verifyPassword(await passwordOf(t.db, userId), OLD)).toBe(true);
  });

  it("a newer hold replaces an older one, and the older announcement's link still stops the newer", async () => {
    const userId = await addAccount(t.db);
    const store = createSqlCounterStore(t.db);
    const first = await placeHold(t.db, userId);
    const second = await placeHold(t.db, userId, Date.now() + 1000);
    const holds = await t.db.selectFrom("reset_holds").selectAll().where("user_id", "=", userId).orderBy("created_at").execute();
    expect(holds.map((h) => h.cancelled_at !== null)).toEqual([true, false]);
    expect(await findResetHoldLink(t.db, first.token)).toMatchObject({ cancelled: true });

    expect(await stopResetHold(t.db, { token: first.token, context })).toBe(true);
    await applyDueResetHolds(t.db, store, second.effectiveAt + 60_000);
    expect(await holdsApplied(t.db, userId)).toBe(0);
    expect(await verifyPassword(await passwordOf(t.db, userId), OLD)).toBe(true);
    const user = await t.db.selectFrom("users").select("status").where("id", "=", userId).executeTakeFirstOrThrow();
    expect(user.status).toBe("self_frozen");
  });
});
