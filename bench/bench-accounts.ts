// Bench accounts written straight into the server's SQLite file (as e2e/support/accounts.ts does), one shared hash.
import { randomUUID } from "node:crypto";
import path from "node:path";
import type { Kysely } from "kysely";
import { createDb } from "../lib/db/create-db";
import type { Database } from "../lib/db/schema";
import { hashPassword } from "../lib/password/argon2";

// SQLite caps the bound values of one statement; about 20 columns × 500 rows stays well below it.
const ROWS_PER_INSERT = 500;

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
  const rows = emails.map(user);
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) await db.insertInto("users").values(rows.slice(i, i + ROWS_PER_INSERT)).execute();
}

/** insertAccounts into the server's SQLite file, opened and closed here. */
export async function insertServerAccounts(dbFile: string, emails: string[], password: string): Promise<void> {
  const db = await openServerDb(dbFile);
  try {
    await insertAccounts(db, emails, password);
  } finally {
    await db.destroy();
  }
}

/**
 * A confirmed authenticator app on each of these accounts, sealed as the server seals it (this process shares the
 * server's AUTH_SECRET); returns each account's secret by email, for computing its codes.
 */
export async function addAuthenticatorApps(db: Kysely<Database>, emails: string[]): Promise<Map<string, string>> {
  const { newTotpSecret, sealTotpSecret } = await import("../lib/server/two-step/totp-policy");
  const users = await db.selectFrom("users").select(["id", "email"]).where("email", "in", emails).execute();
  const now = Date.now();
  const secrets = new Map(users.map((u) => [u.email!, newTotpSecret()]));
  const rows = users.map((u) => ({ user_id: u.id, secret_sealed: sealTotpSecret(secrets.get(u.email!)!, u.id), created_at: now, confirmed_at: now }));
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) await db.insertInto("totp_credentials").values(rows.slice(i, i + ROWS_PER_INSERT)).execute();
  return secrets;
}
