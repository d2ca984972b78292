import "server-only";
import type { Kysely } from "kysely";
import type { Database } from "@/lib/db/schema";
import { approveRecovery } from "@/lib/server/recovery/approve-recovery";
import { refuseRecovery } from "@/lib/server/recovery/refuse-recovery";
import { Refusal } from "@/lib/server/refusal";

type DecideInput = { db: Kysely<Database>; agentId: string; reference: string; reason: string; decision: "approve" | "refuse"; now?: number };

/**
 * An agent's decision on a request named by its reference. The checks here only give the agent a clear message;
 * the core decides atomically and refuses the same cases again (own account, not pending, no account to approve).
 */
export async function decideRecoveryByAgent({ db, agentId, reference, reason, decision, now }: DecideInput): Promise<void> {
  const request = await db.selectFrom("recovery_requests").select(["id", "user_id", "status"]).where("reference", "=", reference).executeTakeFirst();
  if (!request || request.status !== "pending") throw new Refusal("recovery_not_pending");
  if (request.user_id === agentId) throw new Refusal("agent_own_account");
  if (decision === "approve" && !request.user_id) throw new Refusal("recovery_no_account");
  const input = { requestId: request.id, agentId, reason, now };
  if (decision === "approve") await approveRecovery(db, input);
  else await refuseRecovery(db, input);
}
