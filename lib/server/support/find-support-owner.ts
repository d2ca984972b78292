import "server-only";
import { findSignedIn } from "@/lib/server/auth/find-signed-in";
import type { SupportOwner } from "./support-owner";

/** Whose tickets this browser may see: the signed-in account's, else none. */
export async function findSupportOwner(): Promise<SupportOwner | null> {
  const signedIn = await findSignedIn("full");
  return signedIn ? { userId: signedIn.user.id } : null;
}
