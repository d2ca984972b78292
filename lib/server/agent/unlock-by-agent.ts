import "server-only";
import type { Kysely } from "kysely";
import type { Database } from "@/lib/db/schema";
import { recordSecurityEvent } from "@/lib/server/audit/record-security-event";
import type { CounterStore } from "@/lib/server/counters";
import { clearAccountFailures } from "@/lib/server/lockout/clear-account-failures";
import { Refusal } from "@/lib/server/refusal";
import type { RequestContext } from "@/lib/server/request-context";
import { findPauseEnd } from "@/lib/server/status/find-pause-end";
import { findAgentTarget } from "./find-agent-target";

export type AgentChange = { db: Kysely<Database>; agentId: string; userId: string; reason: string; context: RequestContext; now?: number };

/** An agent lifts an account's sign-in pause (never a freeze); audited with the agent and the reason. */
export async function unlockByAgent({ db, store, agentId, userId, reason, context, now = Date.now() }: AgentChange & { store: CounterStore }): Promise<void> {
  const user = await findAgentTarget(db, { agentId, userId });
  if ((await findPauseEnd(store, user, now)) === null) throw new Refusal("account_not_paused");
  await clearAccountFailures(store, user);
  await recordSecurityEvent(db, { type: "unlocked", userId: user.id, context, detail: { via: "agent", actor: agentId, reason }, now });
}
