import "server-only";
import type { Kysely } from "kysely";
import type { Database, RecoveryStatus } from "@/lib/db/schema";
import { recordSecurityEvent } from "@/lib/server/audit/record-security-event";
import { checkRecoveryAnswers, type AnswerCheck } from "@/lib/server/recovery/check-recovery-answers";
import { openRecoveryEvidence } from "@/lib/server/recovery/open-recovery-evidence";
import type { RecoveryEvidence } from "@/lib/server/recovery/recovery-policy";
import type { RequestContext } from "@/lib/server/request-context";

export type RecoveryForAgent = {
  id: string;
  reference: string;
  userId: string | null;
  contactKind: "email" | "mobile";
  status: RecoveryStatus;
  createdAt: number;
  decidedAt: number | null;
  resetLinkAt: number | null;
  /** Null once past retention. */
  evidence: RecoveryEvidence | null;
  hasPhoto: boolean;
  checks: AnswerCheck;
};

type ViewInput = { db: Kysely<Database>; agentId: string; reference: string; context: RequestContext; now?: number };

/** One request with its evidence unsealed for an agent; every opening of live evidence is audited with the agent. */
export async function viewRecoveryEvidence({ db, agentId, reference, context, now = Date.now() }: ViewInput): Promise<RecoveryForAgent | null> {
  const row = await db.selectFrom("recovery_requests").selectAll().where("reference", "=", reference).executeTakeFirst();
  if (!row) return null;
  const evidence = openRecoveryEvidence(row);
  if (evidence) await recordSecurityEvent(db, { type: "recovery_evidence_viewed", userId: row.user_id, context, detail: { actor: agentId, reference }, now });
  return {
    id: row.id,
    reference: row.reference,
    userId: row.user_id,
    contactKind: row.contact_kind,
    status: row.status,
    createdAt: Number(row.created_at),
    decidedAt: row.decided_at === null ? null : Number(row.decided_at),
    resetLinkAt: row.reset_link_due_at === null ? null : Number(row.reset_link_due_at),
    evidence,
    hasPhoto: row.photo_sealed !== null,
    checks: evidence ? await checkRecoveryAnswers(db, row.id) : null,
  };
}
