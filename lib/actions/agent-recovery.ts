"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/lib/db";
import { defineFormAction } from "@/lib/server/actions/define-form-action";
import { decideRecoveryByAgent } from "@/lib/server/agent/decide-recovery-by-agent";
import { agentRecoveryDecisionSchema } from "@/lib/validation/agent";

/** Approves a recovery request: the new contact replaces the old ones and the reset link follows after the hold. */
export const agentApproveRecoveryAction = defineFormAction({ session: "full", role: "agent", echo: ["reason"], schema: agentRecoveryDecisionSchema }, async ({ reference, reason }, { signedIn }) => {
  await decideRecoveryByAgent({ db: await getDb(), agentId: signedIn.user.id, reference, reason, decision: "approve" });
  revalidatePath(`/admin/recovery/${reference}`);
});

/** Refuses a recovery request; the reason goes to the new contact. */
export const agentRefuseRecoveryAction = defineFormAction({ session: "full", role: "agent", echo: ["reason"], schema: agentRecoveryDecisionSchema }, async ({ reference, reason }, { signedIn }) => {
  await decideRecoveryByAgent({ db: await getDb(), agentId: signedIn.user.id, reference, reason, decision: "refuse" });
  revalidatePath(`/admin/recovery/${reference}`);
});
