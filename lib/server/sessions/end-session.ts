import "server-only";
import type { Kysely } from "kysely";
import type { Database } from "@/lib/db/schema";
import { hashSessionSecret } from "./session-policy";

/** Sign-out: the row goes, so the cookie is worthless even if it was copied. Returns the owner, if any. */
export async function endSession(db: Kysely<Database>, secret: string): Promise<string | null> {
  const row = await db.deleteFrom("sessions").where("token_hash", "=", hashSessionSecret(secret)).returning("user_id").executeTakeFirst();
  return row?.user_id ?? null;
}

