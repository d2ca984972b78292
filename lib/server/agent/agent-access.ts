import "server-only";
import type { Kysely } from "kysely";
import type { Database, User } from "@/lib/db/schema";
import { findTwoStepMethods } from "@/lib/server/two-step/find-two-step-methods";
import { mayOpenAgentConsole } from "@/lib/server/two-step/may-open-agent-console";

/** "closed" to anyone but an agent; an agent without an app or passkey is told to turn one on first. */
export type AgentAccess = "closed" | "needs_two_step" | "open";

/** The one rule of the agent console, for its pages and its actions alike. */
export async function agentAccessFor(db: Kysely<Database>, user: Pick<User, "id" | "role">): Promise<AgentAccess> {
  if (user.role !== "agent") return "closed";
  return mayOpenAgentConsole(user.role, await findTwoStepMethods(db, user.id)) ? "open" : "needs_two_step";
}
