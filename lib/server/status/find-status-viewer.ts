import "server-only";
import { findSignedIn } from "@/lib/server/auth/find-signed-in";
import { findStatusTicketHolder } from "./find-status-ticket-holder";

/**
 * Whose status this browser may see: the account it proved with a code or a frozen sign-in, else the account of
 * its full session. A reset-only or second-factor session proves nothing here.
 */
export async function findStatusViewer(now = Date.now()): Promise<string | null> {
  const ticketUser = await findStatusTicketHolder(now);
  if (ticketUser) return ticketUser;
  return (await findSignedIn("full"))?.user.id ?? null;
}
