import "server-only";
import type { Kysely, Transaction } from "kysely";
import type { Database, User } from "@/lib/db/schema";
import { Refusal } from "@/lib/server/refusal";

/** The account an agent acts on: it must exist, and must not be the agent's own (nobody reviews themselves). */
export async function findAgentTarget(db: Kysely<Database> | Transaction<Database>, { agentId, userId }: { agentId: string; userId: string }): Promise<User> {
  if (userId === agentId) throw new Refusal("agent_own_account");
  const user = await db.selectFrom("users").selectAll().where("id", "=", userId).executeTakeFirst();
  if (!user) throw new Refusal("agent_account_not_found");
  return user;
}
