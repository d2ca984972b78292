import { describe, expect, it } from "vitest";
import { testDatabases, useDatabase } from "@/test/databases";
import { outcomeOf } from "@/test/outcome";
import { CASE_REFERENCE_PATTERN } from "@/lib/server/support/issue-case-reference";
import { reportTransaction } from "./report-transaction";

const T0 = Date.UTC(2026, 5, 1);
const context = { ip: "203.0.113.9", userAgent: "vitest" };
const describeTx = (tx: { counterparty: string }) => `可疑交易：${tx.counterparty}`;

describe.each(testDatabases())("reporting a transaction on $name", (kind) => {
  const t = useDatabase(kind);
  let n = 0;

  /** A user with one transaction of their own. */
  async function newUserWithTransaction(): Promise<{ userId: string; transactionId: string }> {
    const userId = `reporter-${++n}`;
    await t.db
      .insertInto("users")
      .values({ id: userId, email: `${userId}@qianneng.test`, mobile: null, name: userId, password_hash: null, status: "active", role: "user", locale: "zh-CN", frozen_reason: null, frozen_case_ref: null, frozen_at: null, password_changed_at: null, email_verified_at: null, created_at: 0, updated_at: 0 })
      .execute();
    const transactionId = `tx-of-${userId}`;
    await t.db.insertInto("transactions").values({ id: transactionId, user_id: userId, kind: "payment", amount_cents: -1234, currency: "CNY", counterparty: "美团外卖", occurred_at: T0 - 1000 }).execute();
    return { userId, transactionId };
  }

  const casesOf = (userId: string) => t.db.selectFrom("support_tickets").selectAll().where("user_id", "=", userId).execute();
  const reportsOf = (userId: string) => t.db.selectFrom("security_events").select(["detail"]).where("user_id", "=", userId).where("type", "=", "transaction_reported").execute();

  it("opens a case with the transaction attached, a QN-YYYY-NNNNNN reference (Beijing year) and an audit row", async () => {
    const { userId, transactionId } = await newUserWithTransaction();
    // 2026-12-31 16:30 UTC is already 2027 in Beijing.
    const now = Date.UTC(2026, 11, 31, 16, 30);
    const result = await reportTransaction(t.db, { userId, transactionId, note: "我没有买过这个", describe: describeTx, context, now });
    expect(result.opened).toBe(true);
    expect(result.reference).toMatch(CASE_REFERENCE_PATTERN);
    expect(result.reference.startsWith("QN-2027-")).toBe(true);
    expect(await casesOf(userId)).toEqual([
      expect.objectContaining({ reference: result.reference, category: "suspicious_transaction", transaction_id: transactionId, body: "我没有买过这个", status: "open", created_at: now }),
    ]);
    const audit = await reportsOf(userId);
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0].detail!)).toEqual({ case: result.reference, transaction: transactionId });
  });

  it("without a note the case is described from the transaction", async () => {
    const { userId, transactionId } = await newUserWithTransaction();
    await reportTransaction(t.db, { userId, transactionId, note: null, describe: describeTx, context, now: T0 });
    expect((await casesOf(userId))[0].body).toBe("可疑交易：美团外卖");
  });

  it("another account's transaction is refused like an unknown one, and nothing is stored", async () => {
    const victim = await newUserWithTransaction();
    const { userId } = await newUserWithTransaction();
    for (const transactionId of [victim.transactionId, "no-such-transaction"]) {
      expect(await outcomeOf(reportTransaction(t.db, { userId, transactionId, note: null, describe: describeTx, context, now: T0 }))).toEqual({ refused: "transaction_not_found" });
    }
    expect(await casesOf(userId)).toEqual([]);
    expect(await casesOf(victim.userId)).toEqual([]);
    expect(await reportsOf(userId)).toEqual([]);
    expect(await t.db.selectFrom("support_tickets").select("id").where("transaction_id", "=", victim.transactionId).execute()).toEqual([]);
  });

  it("eight parallel reports of one transaction open one case and all answer its reference", async () => {
    const { userId, transactionId } = await newUserWithTransaction();
    const results = await Promise.all(Array.from({ length: 8 }, () => reportTransaction(t.db, { userId, transactionId, note: null, describe: describeTx, context, now: T0 })));
    const cases = await casesOf(userId);
    expect(cases).toHaveLength(1);
    expect(new Set(results.map((r) => r.reference))).toEqual(new Set([cases[0].reference]));
    expect(results.filter((r) => r.opened)).toHaveLength(1);
    expect(await reportsOf(userId)).toHaveLength(1);
  });

  it("once the case is closed, a new report opens a new case", async () => {
    const { userId, transactionId } = await newUserWithTransaction();
    const first = await reportTransaction(t.db, { userId, transactionId, note: null, describe: describeTx, context, now: T0 });
    await t.db.updateTable("support_tickets").set({ status: "closed" }).where("reference", "=", first.reference).execute();
    const second = await reportTransaction(t.db, { userId, transactionId, note: null, describe: describeTx, context, now: T0 + 1 });
    expect(second.opened).toBe(true);
    expect(second.reference).not.toBe(first.reference);
    expect(await casesOf(userId)).toHaveLength(2);
  });
});
