import "server-only";
import { getDb } from "@/lib/db";
import { findSignedIn, type SignedIn } from "@/lib/server/auth/find-signed-in";
import { agentAccessFor, type AgentAccess } from "./agent-access";

/** This browser's full session and how far the console is open to it (closed without a session). */
export async function findAgent(): Promise<{ signedIn: SignedIn | null; access: AgentAccess }> {
  const signedIn = await findSignedIn("full");
  if (!signedIn) return { signedIn: null, access: "closed" };
  return { signedIn, access: await agentAccessFor(await getDb(), signedIn.user) };
}
