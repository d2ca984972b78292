import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS, seedDemoData } from "@/lib/db/seed";
import { testDatabases, useDatabase } from "@/test/databases";
import { findOwnCase } from "./find-own-case";
import { findUnfreezeProofs } from "./find-unfreeze-proofs";

const [DEMO, PAUSED, , TWO_FA] = DEMO_ACCOUNTS;

describe.each(testDatabases())("a freeze's case and an unfreeze's proofs on $name", (kind) => {
  const t = useDatabase(kind);
  const ticket = (reference: string, userId: string) =>
    t.db.insertInto("support_tickets").values({ id: randomUUID(), reference, user_id: userId, category: "suspicious_transaction", body: "", transaction_id: null, created_at: 1, updated_at: 1 }).execute();

  beforeAll(async () => {
    await seedDemoData(t.db);
    await ticket("QN-2026-000111", DEMO.id);
    await ticket("QN-2026-000222", PAUSED.id);
  });

  it("accepts only a well-formed reference of the account's own case", async () => {
    expect(await findOwnCase(t.db, { userId: DEMO.id, reference: "QN-2026-000111" })).toBe("QN-2026-000111");
    expect(await findOwnCase(t.db, { userId: DEMO.id, reference: "QN-2026-000222" })).toBeNull();
    expect(await findOwnCase(t.db, { userId: DEMO.id, reference: "QN-2026-000999" })).toBeNull();
    expect(await findOwnCase(t.db, { userId: DEMO.id, reference: "qn-2026-000111" })).toBeNull();
    expect(await findOwnCase(t.db, { userId: DEMO.id, reference: "QN-2026-000111' OR 1=1 --" })).toBeNull();
  });

  it("offers the factors two-step turned on, else the registered channels", async () => {
    expect(await findUnfreezeProofs(t.db, DEMO)).toEqual(["email", "mobile"]);
    expect(await findUnfreezeProofs(t.db, PAUSED)).toEqual(["email"]);
    expect(await findUnfreezeProofs(t.db, TWO_FA)).toEqual(["totp", "sms", "backup"]);
  });
});
