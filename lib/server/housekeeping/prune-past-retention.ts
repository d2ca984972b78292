import "server-only";
import type { Kysely } from "kysely";
import type { Database } from "@/lib/db/schema";
import { RECOVERY_EVIDENCE_RETENTION_MS } from "@/lib/server/recovery/recovery-policy";

const DAY_MS = 86_400_000;
/** Sent and abandoned messages are kept 30 days after they settled, so support can still tell whether one went out. */
export const OUTBOX_RETENTION_MS = 30 * DAY_MS;
/** Security events are kept 400 days: more than a year, so a look back over a full year is always complete. */
export const SECURITY_EVENT_RETENTION_MS = 400 * DAY_MS;

/**
 * Deletes settled outbox rows and security events past their retention (pending messages always stay), and a
 * decided recovery request's evidence 30 days after the decision (the row and its reference stay).
 */
export async function prunePastRetention(db: Kysely<Database>, now: number): Promise<Record<"outbox" | "security_events" | "recovery_evidence", number>> {
  const [outbox, events, evidence] = await Promise.all([
    db
      .deleteFrom("outbox")
      .where("status", "in", ["sent", "failed"])
      .where("settled_at", "<=", now - OUTBOX_RETENTION_MS)
      .executeTakeFirst(),
    db.deleteFrom("security_events").where("created_at", "<=", now - SECURITY_EVENT_RETENTION_MS).executeTakeFirst(),
    db
      .updateTable("recovery_requests")
      .set({ evidence_sealed: null, photo_sealed: null })
      .where("decided_at", "<=", now - RECOVERY_EVIDENCE_RETENTION_MS)
      .where("evidence_sealed", "is not", null)
      .executeTakeFirst(),
  ]);
  return { outbox: Number(outbox.numDeletedRows), security_events: Number(events.numDeletedRows), recovery_evidence: Number(evidence.numUpdatedRows) };
}
