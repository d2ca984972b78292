import "server-only";
import { freezeAccountWithin } from "@/lib/server/accounts/freeze-account";
import { sendSecurityAlert } from "@/lib/server/alerts/send-security-alert";
import { Refusal } from "@/lib/server/refusal";
import { findAgentTarget } from "./find-agent-target";
import type { AgentChange } from "./unlock-by-agent";

/**
 * A support freeze, with the agent's reason and the case it belongs to: every session ends, the owner is alerted.
 * A self-freeze may become a support freeze; an account already frozen by support, or closed, is left as it is.
 */
export async function freezeByAgent({ db, agentId, userId, reason, caseRef, context, now = Date.now() }: AgentChange & { caseRef: string }): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const user = await findAgentTarget(trx, { agentId, userId });
    if (user.status !== "active" && user.status !== "self_frozen") throw new Refusal("agent_already_frozen");
    const frozen = await freezeAccountWithin(trx, { userId, status: "frozen", reason, caseRef, actorId: agentId, onlyFrom: user.status, detail: { via: "agent", caseRef }, context, now });
    if (!frozen) throw new Refusal("agent_already_frozen");
    await sendSecurityAlert(trx, { user, alert: "account_frozen", context, values: (t) => ({ how: t("accountFrozen.how.support", { caseRef }) }), now });
  });
}
