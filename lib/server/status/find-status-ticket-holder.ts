import "server-only";
import { cookies } from "next/headers";
import { readStatusTicket, STATUS_TICKET_COOKIE } from "./status-ticket";

/** The account this browser proved ownership of (status ticket cookie), while the ticket lasts. */
export async function findStatusTicketHolder(now = Date.now()): Promise<string | null> {
  return readStatusTicket((await cookies()).get(STATUS_TICKET_COOKIE)?.value, now);
}
