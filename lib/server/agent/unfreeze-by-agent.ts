import "server-only";
import { sendSecurityAlert } from "@/lib/server/alerts/send-security-alert";
import { recordSecurityEvent } from "@/lib/server/audit/record-security-event";
import { Refusal } from "@/lib/server/refusal";
import { findAgentTarget } from "./find-agent-target";
import type { AgentChange } from "./unlock-by-agent";

/** An agent lifts a support freeze or a self-freeze; the freeze's reason and case stay in the audit trail. */
export async function unfreezeByAgent({ db, agentId, userId, reason, context, now = Date.now() }: AgentChange): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const user = await findAgentTarget(trx, { agentId, userId });
    const lifted = await trx
      .updateTable("users")
      .set({ status: "active", frozen_reason: null, frozen_case_ref: null, frozen_at: null, updated_at: now })
      .where("id", "=", user.id)
      .where("status", "in", ["frozen", "self_frozen"])
      .executeTakeFirst();
    if (Number(lifted.numUpdatedRows) === 0) throw new Refusal("agent_not_frozen");
    const detail = { via: "agent", actor: agentId, reason, was: user.status, frozenReason: user.frozen_reason ?? "", caseRef: user.frozen_case_ref ?? "" };
    await recordSecurityEvent(trx, { type: "account_unfrozen", userId: user.id, context, detail, now });
    await sendSecurityAlert(trx, { user, alert: "account_unfrozen", context, now });
  });
}
