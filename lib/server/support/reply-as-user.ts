import "server-only";
import type { Kysely } from "kysely";
import type { Database } from "@/lib/db/schema";
import { Refusal } from "@/lib/server/refusal";
import type { Screenshot } from "./accept-screenshot";
import { addMessage } from "./add-message";
import { ownedBy, type SupportOwner } from "./support-owner";

/** The owner adds to their own open conversation; anyone else's (or an unknown) reference is refused alike. */
export async function replyAsUser(db: Kysely<Database>, { reference, owner, body, screenshots, now = Date.now() }: { reference: string; owner: SupportOwner; body: string; screenshots: Screenshot[]; now?: number }): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const ticket = await trx.selectFrom("support_tickets").select(["id", "status", "user_id"]).where("reference", "=", reference).where(ownedBy(owner)).executeTakeFirst();
    if (!ticket || ticket.status === "closed") throw new Refusal("ticket_not_found");
    await addMessage(trx, { ticketId: ticket.id, author: "user", authorUserId: ticket.user_id, body, screenshots, status: "open", now });
  });
}
