import "server-only";
import type { Kysely } from "kysely";
import type { Database } from "@/lib/db/schema";

/** This session just proved the password or a second factor again. */
export async function recordProof(db: Kysely<Database>, sessionId: string, now = Date.now()): Promise<void> {
  await db.updateTable("sessions").set({ proved_at: now }).where("id", "=", sessionId).execute();
}
