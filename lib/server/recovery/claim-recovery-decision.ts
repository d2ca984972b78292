import "server-only";
import type { Transaction } from "kysely";
import type { Database, RecoveryStatus, User } from "@/lib/db/schema";
import { Refusal } from "@/lib/server/refusal";
import { openRecoveryEvidence } from "./open-recovery-evidence";
import type { RecoveryEvidence } from "./recovery-policy";

export const DECISION_REASON_MAX = 500;

export type RecoveryDecision = { requestId: string; agentId: string; reason: string; now?: number };

/**
 * Marks a pending request decided, in one statement so two agents cannot both decide it; refuses "invalid_input"
 * (on "reason" when it is empty or too long) for a request that is not pending or names the agent's own account.
 */
export async function claimRecoveryDecision(
  trx: Transaction<Database>,
  { requestId, agentId, reason }: RecoveryDecision,
  { status, extra = {}, now }: { status: Exclude<RecoveryStatus, "pending">; extra?: { reset_link_due_at?: number }; now: number },
): Promise<{ request: { id: string; reference: string; contact_kind: "email" | "mobile" }; evidence: RecoveryEvidence; user: User | undefined }> {
  if (reason.trim() === "" || reason.length > DECISION_REASON_MAX) throw new Refusal("invalid_input", { field: "reason" });
  const request = await trx
    .updateTable("recovery_requests")
    .set({ status, decided_at: now, decided_by: agentId, ...extra })
    .where("id", "=", requestId)
    .where("status", "=", "pending")
    .where((eb) => eb.or([eb("user_id", "is", null), eb("user_id", "!=", agentId)]))
    .returning(["id", "reference", "contact_kind", "user_id", "evidence_sealed"])
    .executeTakeFirst();
  const evidence = request ? openRecoveryEvidence(request) : null;
  if (!request || !evidence) throw new Refusal("invalid_input");
  const user = request.user_id ? await trx.selectFrom("users").selectAll().where("id", "=", request.user_id).executeTakeFirst() : undefined;
  return { request, evidence, user };
}
