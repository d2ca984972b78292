import "server-only";
import { auth } from "@/auth";
import { statusTicketUser } from "./status-ticket";

/** Whose status this browser may see: the account it proved with a code or a frozen sign-in, else its session's. */
export async function findStatusViewer(now = Date.now()): Promise<string | null> {
  const ticketUser = await statusTicketUser(now);
  if (ticketUser) return ticketUser;
  return (await auth())?.user?.id ?? null;
}
