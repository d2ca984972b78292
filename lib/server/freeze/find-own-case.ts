import "server-only";
import type { Kysely } from "kysely";
import type { Database } from "@/lib/db/schema";
import { CASE_REF_PATTERN } from "@/lib/validation/freeze";

/** The case reference when it is well formed and one of this account's own support cases, else null. */
export async function findOwnCase(db: Kysely<Database>, { userId, reference }: { userId: string; reference: string }): Promise<string | null> {
  if (!CASE_REF_PATTERN.test(reference)) return null;
  const row = await db.selectFrom("support_tickets").select("reference").where("reference", "=", reference).where("user_id", "=", userId).executeTakeFirst();
  return row?.reference ?? null;
}
