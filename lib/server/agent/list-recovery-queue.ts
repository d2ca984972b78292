import "server-only";
import type { Kysely } from "kysely";
import type { Database } from "@/lib/db/schema";

export const RECOVERY_QUEUE_CAP = 100;

export type QueuedRecovery = { reference: string; createdAt: number; matched: boolean; contactKind: "email" | "mobile" };

/** Pending recovery requests, the oldest first; capped, the page says so. */
export async function listRecoveryQueue(db: Kysely<Database>): Promise<QueuedRecovery[]> {
  const rows = await db
    .selectFrom("recovery_requests")
    .select(["reference", "created_at", "user_id", "contact_kind"])
    .where("status", "=", "pending")
    .orderBy("created_at")
    .orderBy("id")
    .limit(RECOVERY_QUEUE_CAP)
    .execute();
  return rows.map((r) => ({ reference: r.reference, createdAt: Number(r.created_at), matched: r.user_id !== null, contactKind: r.contact_kind }));
}
