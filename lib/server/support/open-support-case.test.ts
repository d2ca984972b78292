import { beforeEach, describe, expect, it, vi } from "vitest";
import { testDatabases, useDatabase } from "@/test/databases";
import { openSupportCase } from "./open-support-case";

// Draws chosen by the test, to make a reference collide.
const draws = vi.hoisted(() => ({ queue: [] as string[] }));
vi.mock("./issue-case-reference", () => ({ issueCaseReference: () => draws.queue.shift() ?? "QN-2026-999999" }));

describe.each(testDatabases())("openSupportCase on $name", (kind) => {
  const t = useDatabase(kind);

  beforeEach(async () => {
    await t.db.deleteFrom("support_tickets").execute();
    await t.db.deleteFrom("users").execute();
    await t.db
      .insertInto("users")
      .values({ id: "u1", email: "u1@qianneng.test", mobile: null, name: "u1", password_hash: null, status: "active", role: "user", locale: "zh-CN", frozen_reason: null, frozen_case_ref: null, frozen_at: null, password_changed_at: null, email_verified_at: null, created_at: 0, updated_at: 0 })
      .execute();
  });

  it("a reference already taken is drawn again, inside one transaction on PostgreSQL too", async () => {
    draws.queue.push("QN-2026-000001", "QN-2026-000001", "QN-2026-000002");
    const first = await openSupportCase(t.db, { userId: "u1", category: "other", body: "a", now: 1 });
    const second = await t.db.transaction().execute((trx) => openSupportCase(trx, { userId: "u1", category: "other", body: "b", now: 2 }));
    expect(first?.reference).toBe("QN-2026-000001");
    expect(second?.reference).toBe("QN-2026-000002");
    const rows = await t.db.selectFrom("support_tickets").select(["reference", "body"]).orderBy("created_at").execute();
    expect(rows).toEqual([{ reference: "QN-2026-000001", body: "a" }, { reference: "QN-2026-000002", body: "b" }]);
  });
});
