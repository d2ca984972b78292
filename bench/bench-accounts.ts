// Bench accounts written straight into the server's SQLite file (as e2e/support/accounts.ts does), one shared hash.
import { randomUUID } from "node:crypto";
import path from "node:path";
import type { Kysely } from "kysely";
import { createDb } from "../lib/db/create-db";
import type { Database } from "../lib/db/schema";
import { hashPassword } from "../lib/password/argon2";

/** Opens the server's database file from this process. */
export function openServerDb(dbFile: string): Promise<Kysely<Database>> {
  return createDb(`file:${path.resolve(dbFile)}`);
}

/** Active accounts with these emails, all with `password` (hashed once, with the app's parameters). */
export async function insertAccounts(db: Kysely<Database>, emails: string[], password: string): Promise<void> {
  const [passwordHash, now] = [await hashPassword(password), Date.now()];
  const user = (email: string) => ({
    id: randomUUID(), email, mobile: null, name: "基准测试", password_hash: passwordHash, status: "active" as const, role: "user" as const,
    locale: "zh-CN", frozen_reason: null, frozen_case_ref: null, frozen_at: null, password_changed_at: now, email_verified_at: null, created_at: now, updated_at: now,
  });
  await db.insertInto("users").values(emails.map(user)).execute();
}
