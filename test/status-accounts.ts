// Accounts for the status tests, written directly so that they do not depend on the demo seed.
import type { Kysely } from "kysely";
import type { Database, NewUser } from "@/lib/db/schema";

export const T0 = 1_767_225_600_000;

export const OWNER = { id: "status-owner", email: "owner@qianneng.test", mobile: "+8613900139000" };
export const FROZEN = { id: "status-frozen", email: "frozen-owner@qianneng.test", reason: "risk_review", caseRef: "QN-2026-009001" };

export async function insertStatusAccounts(db: Kysely<Database>): Promise<void> {
  const base = { name: "测试", password_hash: null, role: "user", locale: "zh-CN", password_changed_at: null, email_verified_at: null, created_at: T0, updated_at: T0 } as const;
  const users: NewUser[] = [
    { ...base, id: OWNER.id, email: OWNER.email, mobile: OWNER.mobile, status: "active", frozen_reason: null, frozen_case_ref: null, frozen_at: null },
    { ...base, id: FROZEN.id, email: FROZEN.email, mobile: null, status: "frozen", frozen_reason: FROZEN.reason, frozen_case_ref: FROZEN.caseRef, frozen_at: T0 - 86_400_000 },
  ];
  await db.insertInto("users").values(users).execute();
}

/** Empties what the status functions write, so every test starts from the same state. */
export async function clearStatusTables(db: Kysely<Database>): Promise<void> {
  for (const table of ["one_time_codes", "outbox", "security_events", "sign_in_failures", "rate_counters"] as const) {
    await db.deleteFrom(table).execute();
  }
}
