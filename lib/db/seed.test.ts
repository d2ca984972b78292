import { describe, expect, it } from "vitest";
import { accountPauseKey } from "@/lib/server/lockout/pause-key";
import { createSqlCounterStore } from "@/lib/server/counters/sql-counter-store";
import { getAccountOverview } from "@/lib/server/account/get-account-overview";
import { verifyPassword } from "@/lib/password/argon2";
import { walletMonthOf } from "@/lib/activity/wallet-month";
import { testDatabases, useDatabase } from "@/test/databases";
import { generate } from "otplib";
import { consumeBackupCode } from "@/lib/server/two-step/consume-backup-code";
import { findTwoStepMethods } from "@/lib/server/two-step/find-two-step-methods";
import { verifyTotpCode } from "@/lib/server/two-step/verify-totp-code";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemoData } from "./seed";
import { DEMO_BACKUP_CODES, DEMO_TOTP_SECRETS } from "./seed-two-step";

const DEMO_ID = DEMO_ACCOUNTS[0].id;
const now = 1_767_225_600_000;

describe.each(testDatabases())("seedDemoData on $name", (kind) => {
  const t = useDatabase(kind);

  it("is idempotent: twice leaves 5 users and 30 demo transactions", async () => {
    await seedDemoData(t.db, { now });
    await seedDemoData(t.db, { now: now + 60_000 });
    const users = await t.db.selectFrom("users").select(["email", "mobile", "status", "role"]).orderBy("email").execute();
    expect(users.map((u) => u.email)).toEqual([
      "2fa@qianneng.test",
      "agent@qianneng.test",
      "demo@qianneng.test",
      "frozen@qianneng.test",
      "paused@qianneng.test",
    ]);
    expect(users.find((u) => u.email === "demo@qianneng.test")?.mobile).toBe("+8613800138000");
    expect(users.find((u) => u.email === "agent@qianneng.test")?.role).toBe("agent");

    const transactions = await t.db.selectFrom("transactions").select(["user_id", "kind", "occurred_at"]).execute();
    expect(transactions).toHaveLength(30);
    expect(new Set(transactions.map((r) => r.user_id))).toEqual(new Set([DEMO_ID]));
    // All within the last ~5 months of the second run, none in the future.
    for (const r of transactions) {
      expect(r.occurred_at).toBeLessThanOrEqual(now + 60_000);
      expect(r.occurred_at).toBeGreaterThan(now - 151 * 86_400_000);
    }
    // Enough to filter: at least five calendar months (Beijing time) and every kind of movement.
    expect(new Set(transactions.map((r) => walletMonthOf(r.occurred_at))).size).toBeGreaterThanOrEqual(5);
    expect(new Set(transactions.map((r) => r.kind))).toEqual(new Set(["top_up", "payment", "transfer_in", "transfer_out", "refund", "withdrawal"]));
  });

  it("restores a changed demo account", async () => {
    await t.db.updateTable("users").set({ status: "closed", password_hash: null }).where("id", "=", DEMO_ID).execute();
    await seedDemoData(t.db, { now });
    const demo = await t.db.selectFrom("users").selectAll().where("id", "=", DEMO_ID).executeTakeFirstOrThrow();
    expect(demo.status).toBe("active");
    expect(await verifyPassword(demo.password_hash, DEMO_PASSWORD)).toBe(true);
  });

  it("the demo password verifies for every account, a wrong one does not", async () => {
    const rows = await t.db.selectFrom("users").select(["email", "password_hash"]).execute();
    expect(rows).toHaveLength(5);
    for (const row of rows) expect(await verifyPassword(row.password_hash, DEMO_PASSWORD), row.email ?? "").toBe(true);
    expect(await verifyPassword(rows[0].password_hash, "wrong-password")).toBe(false);
  });

  it("the frozen account is frozen with a reason and a case reference", async () => {
    const frozen = await t.db.selectFrom("users").selectAll().where("email", "=", "frozen@qianneng.test").executeTakeFirstOrThrow();
    expect(frozen.status).toBe("frozen");
    expect(frozen.frozen_reason).toBe("risk_review");
    expect(frozen.frozen_case_ref).toMatch(/^QN-\d{4}-\d+$/);
    expect(typeof frozen.frozen_at).toBe("number");
    const active = await t.db.selectFrom("users").select(["status", "frozen_reason"]).where("status", "!=", "frozen").execute();
    expect(active).toHaveLength(4);
    expect(active.every((u) => u.status === "active" && u.frozen_reason === null)).toBe(true);
  });

  it("paused@ starts paused for about two hours, again after every re-seed; the others are not paused", async () => {
    const store = createSqlCounterStore(t.db);
    const now = Date.now();
    for (const run of [0, 1]) {
      await seedDemoData(t.db, { store, now: now + run * 1000 });
      const state = await store.getFailures(accountPauseKey(DEMO_ACCOUNTS[1].id), now + run * 1000);
      expect(state?.failures).toBe(20);
      expect(state!.pausedUntil! - (now + run * 1000)).toBeGreaterThan(115 * 60_000);
      expect(state!.pausedUntil! - (now + run * 1000)).toBeLessThanOrEqual(120 * 60_000);
    }
    expect(await store.getFailures(accountPauseKey(DEMO_ACCOUNTS[0].id), now)).toBeNull();
  });

  it("2fa@ has an app, SMS codes and backup codes, and agent@ an app, working with the keys and codes the README gives", async () => {
    await seedDemoData(t.db);
    const [twoFa, agent] = [DEMO_ACCOUNTS[3], DEMO_ACCOUNTS[4]];
    expect(await findTwoStepMethods(t.db, twoFa.id)).toEqual({ totp: true, sms: true, backupCodes: 10, passkeys: 0 });
    expect(await findTwoStepMethods(t.db, agent.id)).toMatchObject({ totp: true, sms: false, backupCodes: 0 });
    const now = Date.now();
    const code = await generate({ secret: DEMO_TOTP_SECRETS[twoFa.email] });
    expect(await verifyTotpCode(t.db, { userId: twoFa.id, code, now })).toBe(true);
    expect(await verifyTotpCode(t.db, { userId: agent.id, code: await generate({ secret: DEMO_TOTP_SECRETS[agent.email] }), now })).toBe(true);
    expect(await consumeBackupCode(t.db, { userId: twoFa.id, code: DEMO_BACKUP_CODES[0], now })).toBe(true);
    expect(await consumeBackupCode(t.db, { userId: twoFa.id, code: DEMO_BACKUP_CODES[0], now })).toBe(false);
    // A new seed restores the used code.
    await seedDemoData(t.db);
    expect(await consumeBackupCode(t.db, { userId: twoFa.id, code: DEMO_BACKUP_CODES[0], now })).toBe(true);
  });

  it("the demo wallet has a positive balance made of signed movements, never below zero on the way", async () => {
    const overview = await getAccountOverview(t.db, DEMO_ID, 5);
    expect(overview.balanceCents).toBeGreaterThan(0);
    expect(Number.isInteger(overview.balanceCents)).toBe(true);
    expect(overview.transactions).toHaveLength(5);
    const all = await t.db.selectFrom("transactions").select(["kind", "amount_cents"]).execute();
    expect(overview.balanceCents).toBe(all.reduce((sum, r) => sum + r.amount_cents, 0));
    const inOrder = await t.db.selectFrom("transactions").select("amount_cents").orderBy("occurred_at").execute();
    let running = 0;
    for (const r of inOrder) expect((running += r.amount_cents)).toBeGreaterThan(0);
    for (const r of all) {
      if (["payment", "transfer_out", "withdrawal"].includes(r.kind)) expect(r.amount_cents).toBeLessThan(0);
      else expect(r.amount_cents).toBeGreaterThan(0);
    }
    const other = await getAccountOverview(t.db, DEMO_ACCOUNTS[1].id);
    expect(other).toEqual({ balanceCents: 0, transactions: [] });
  });
});
