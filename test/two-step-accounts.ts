// Accounts for the two-step tests, written directly so that they do not depend on the demo seed.
import type { Kysely } from "kysely";
import type { Database, NewUser, Session } from "@/lib/db/schema";
import type { RequestContext } from "@/lib/server/request-context";

export const T0 = 1_767_225_600_000;

export const context: RequestContext = { ip: "203.0.113.42", userAgent: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36" };

export type TwoStepAccount = Pick<NewUser, "id" | "email" | "mobile" | "locale" | "password_hash">;

export async function insertAccount(db: Kysely<Database>, account: TwoStepAccount): Promise<void> {
  await db
    .insertInto("users")
    .values({ name: "测试", role: "user", status: "active", password_changed_at: null, email_verified_at: null, frozen_reason: null, frozen_case_ref: null, frozen_at: null, created_at: T0, updated_at: T0, ...account })
    .execute();
}

/** A session whose last proof was at `provedAt`. */
export function sessionProvedAt(provedAt: number | null, id = "session-1"): Pick<Session, "id" | "proved_at"> {
  return { id, proved_at: provedAt };
}
