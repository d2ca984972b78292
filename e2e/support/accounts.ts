// Accounts of a spec's own, written straight into the e2e server's database, so specs never share state.
import { randomUUID } from "node:crypto";
import path from "node:path";
import type { Kysely } from "kysely";
import { createDb } from "@/lib/db/create-db";
import type { Database } from "@/lib/db/schema";
import { DEMO_PASSWORD } from "@/lib/db/seed";
import { hashPassword } from "@/lib/password/argon2";

let db: Promise<Kysely<Database>> | undefined;

export function e2eDb(): Promise<Kysely<Database>> {
  db ??= createDb(`file:${path.resolve(process.env.E2E_DB_FILE!)}`);
  return db;
}

export type TestAccount = { id: string; email: string; mobile: string | null; password: string };

type AccountOptions = { mobile?: string; locale?: string; status?: "active" | "frozen"; db?: Kysely<Database> };

/** A fresh active account with the demo password; `mobile` is E.164. In the shared server's database unless `db` is given. */
export async function createAccount(options: AccountOptions = {}): Promise<TestAccount> {
  const id = randomUUID();
  const email = `e2e-${id.slice(0, 8)}@qianneng.test`;
  const now = Date.now();
  await (options.db ?? (await e2eDb()))
    .insertInto("users")
    .values({
      id,
      email,
      mobile: options.mobile ?? null,
      name: "测试用户",
      password_hash: await hashPassword(DEMO_PASSWORD),
      status: options.status ?? "active",
      role: "user",
      locale: options.locale ?? "zh-CN",
      frozen_reason: null,
      frozen_case_ref: null,
      frozen_at: null,
      password_changed_at: now,
      email_verified_at: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return { id, email, mobile: options.mobile ?? null, password: DEMO_PASSWORD };
}

/** A mainland mobile number no other spec uses. */
export function uniqueMobile(): string {
  return `+86139${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`;
}
