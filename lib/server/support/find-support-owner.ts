import "server-only";
import { findStatusViewer } from "@/lib/server/status/find-status-viewer";
import type { SupportOwner } from "./support-owner";

/**
 * Whose tickets this browser may see: the signed-in account's, or (for a visitor who cannot sign in) the account
 * it proved with a one-time code in the last 15 minutes (the status ticket); else none.
 */
export async function findSupportOwner(): Promise<SupportOwner | null> {
  const userId = await findStatusViewer();
  return userId ? { userId } : null;
}
