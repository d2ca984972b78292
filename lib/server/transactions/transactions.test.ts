import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { TransactionKind } from "@/lib/db/schema";
import { testDatabases, useDatabase } from "@/test/databases";
import { findTransaction } from "./find-transaction";
import { listTransactionMonths } from "./list-transaction-months";
import { listTransactions, type TransactionRow } from "./list-transactions";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
// 2026-03-01 00:00 Beijing = 2026-02-28 16:00 UTC.
const MARCH_START = Date.UTC(2026, 1, 28, 16);

describe.each(testDatabases())("transactions on $name", (kind) => {
  const t = useDatabase(kind);
  let n = 0;

  async function newUser(): Promise<string> {
    const id = `user-${++n}`;
    await t.db
      .insertInto("users")
      .values({ id, email: `${id}@qianneng.test`, mobile: null, name: id, password_hash: null, status: "active", role: "user", locale: "zh-CN", frozen_reason: null, frozen_case_ref: null, frozen_at: null, password_changed_at: null, email_verified_at: null, created_at: 0, updated_at: 0 })
      .execute();
    return id;
  }

  async function addTransactions(userId: string, rows: { kind?: TransactionKind; at: number; id?: string }[]): Promise<void> {
    await t.db
      .insertInto("transactions")
      .values(rows.map((r) => ({ id: r.id ?? randomUUID(), user_id: userId, kind: r.kind ?? "payment", amount_cents: r.kind === "refund" ? 100 : -100, currency: "CNY", counterparty: "瑞幸咖啡", occurred_at: r.at })))
      .execute();
  }

  async function allPages(input: Omit<Parameters<typeof listTransactions>[1], "after">): Promise<TransactionRow[][]> {
    const pages: TransactionRow[][] = [];
    let after;
    do {
      const page = await listTransactions(t.db, { ...input, after });
      pages.push(page.transactions);
      after = page.next ?? undefined;
    } while (after);
    return pages;
  }

  let other: string;
  beforeAll(async () => {
    // Someone else's records, at the same moments, that no query below may return.
    other = await newUser();
    await addTransactions(other, Array.from({ length: 30 }, (_, i) => ({ at: MARCH_START - 10 * DAY + i * DAY })));
  });

  it("pages newest first without overlap or gap, equal times ordered by id, only the account's own", async () => {
    const userId = await newUser();
    // 45 records, five pairs sharing a timestamp, so the cursor must break ties.
    const rows = Array.from({ length: 45 }, (_, i) => ({ at: MARCH_START - Math.floor(i / 2) * HOUR * (i % 9 === 0 ? 1 : 3), id: `tx-${userId}-${String(i).padStart(3, "0")}` }));
    await addTransactions(userId, rows);
    const pages = await allPages({ userId, limit: 20 });
    expect(pages.map((p) => p.length)).toEqual([20, 20, 5]);
    const seen = pages.flat();
    expect(new Set(seen.map((r) => r.id)).size).toBe(45);
    expect(seen.every((r) => r.user_id === userId)).toBe(true);
    const sorted = [...seen].sort((a, b) => b.occurred_at - a.occurred_at || (a.id < b.id ? 1 : -1));
    expect(seen.map((r) => r.id)).toEqual(sorted.map((r) => r.id));
  });

  it("a page that ends exactly at the last record says there is no next page", async () => {
    const userId = await newUser();
    await addTransactions(userId, Array.from({ length: 20 }, (_, i) => ({ at: MARCH_START + i * HOUR })));
    const page = await listTransactions(t.db, { userId, limit: 20 });
    expect(page.transactions).toHaveLength(20);
    expect(page.next).toBeNull();
  });

  it("a month is a Beijing calendar month: one second before midnight in Beijing is still February", async () => {
    const userId = await newUser();
    await addTransactions(userId, [
      { at: MARCH_START - 1000, id: `feb-last-${userId}` },
      { at: MARCH_START, id: `mar-first-${userId}` },
      // 2026-03-31 23:59 Beijing: still March although it is 15:59 UTC on the 31st.
      { at: Date.UTC(2026, 2, 31, 15, 59), id: `mar-last-${userId}` },
      { at: Date.UTC(2026, 2, 31, 16, 0), id: `apr-first-${userId}` },
    ]);
    const ids = async (month: `${number}-${number}`) => (await listTransactions(t.db, { userId, month })).transactions.map((r) => r.id);
    expect(await ids("2026-02")).toEqual([`feb-last-${userId}`]);
    expect(await ids("2026-03")).toEqual([`mar-last-${userId}`, `mar-first-${userId}`]);
    expect(await ids("2026-04")).toEqual([`apr-first-${userId}`]);
    expect(await ids("2026-05")).toEqual([]);
    expect(await listTransactionMonths(t.db, userId)).toEqual(["2026-04", "2026-03", "2026-02"]);
  });

  it("lists only months that have records, newest first, skipping empty ones; none for an empty wallet", async () => {
    const userId = await newUser();
    await addTransactions(userId, [{ at: Date.UTC(2025, 10, 15) }, { at: Date.UTC(2026, 0, 10) }, { at: Date.UTC(2026, 0, 11) }, { at: Date.UTC(2026, 3, 2) }]);
    expect(await listTransactionMonths(t.db, userId)).toEqual(["2026-04", "2026-01", "2025-11"]);
    expect(await listTransactionMonths(t.db, await newUser())).toEqual([]);
  });

  it("filters by kind, with month and paging combined", async () => {
    const userId = await newUser();
    const kinds: TransactionKind[] = ["payment", "refund", "top_up"];
    await addTransactions(userId, Array.from({ length: 60 }, (_, i) => ({ kind: kinds[i % 3], at: MARCH_START + i * HOUR * 13 })));
    const refunds = (await allPages({ userId, kind: "refund", limit: 7 })).flat();
    expect(refunds).toHaveLength(20);
    expect(refunds.every((r) => r.kind === "refund")).toBe(true);
    const marchRefunds = (await allPages({ userId, kind: "refund", month: "2026-03", limit: 7 })).flat();
    expect(marchRefunds.length).toBeGreaterThan(0);
    expect(marchRefunds.length).toBeLessThan(20);
    expect(marchRefunds.every((r) => r.kind === "refund" && r.occurred_at < Date.UTC(2026, 2, 31, 16))).toBe(true);
  });

  it("a transaction is found only by its owner: another account's id finds nothing", async () => {
    const userId = await newUser();
    await addTransactions(userId, [{ at: MARCH_START, id: `mine-${userId}` }]);
    expect((await findTransaction(t.db, { userId, id: `mine-${userId}` }))?.id).toBe(`mine-${userId}`);
    const someoneElses = await t.db.selectFrom("transactions").select("id").where("user_id", "=", other).executeTakeFirstOrThrow();
    expect(await findTransaction(t.db, { userId, id: someoneElses.id })).toBeNull();
    expect(await findTransaction(t.db, { userId, id: "no-such-id" })).toBeNull();
  });
});
