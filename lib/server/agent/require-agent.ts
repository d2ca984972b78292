import "server-only";
import { notFound, redirect } from "next/navigation";
import type { SignedIn } from "@/lib/server/auth/find-signed-in";
import { findAgent } from "./find-agent";

export const TWO_STEP_FIRST_PAGE = "/admin/two-step-first";

/**
 * For every console page: a signed-in agent with an app or passkey. Anyone else gets "not found" (the console's
 * existence is not confirmed); an agent without one is sent to the page that says to turn it on.
 */
export async function requireAgent(): Promise<SignedIn> {
  const { signedIn, access } = await findAgent();
  if (access === "needs_two_step") redirect(TWO_STEP_FIRST_PAGE);
  if (access !== "open" || !signedIn) notFound();
  return signedIn;
}
