import "server-only";
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database, SupportTicketCategory } from "@/lib/db/schema";
import { recordSecurityEvent } from "@/lib/server/audit/record-security-event";
import { openSupportCase } from "./open-support-case";
import type { Screenshot } from "./accept-screenshot";
import type { SupportOwner } from "./support-owner";

type OpenTicketInput = {
  owner: SupportOwner;
  category: SupportTicketCategory;
  body: string;
  /** Already accepted by acceptScreenshots. */
  screenshots: Screenshot[];
  /** The language a visitor's reply notices are written in. */
  locale: string;
  now?: number;
};

/** Opens a ticket with its text and screenshots in one transaction: all of it is stored, or none. */
export async function openTicket(db: Kysely<Database>, { owner, category, body, screenshots, locale, now = Date.now() }: OpenTicketInput): Promise<{ reference: string }> {
  return db.transaction().execute(async (trx) => {
    const contact = {
      contactEmail: "contactEmail" in owner ? owner.contactEmail : null,
      contactMobile: "contactMobile" in owner ? owner.contactMobile : null,
    };
    const userId = "userId" in owner ? owner.userId : null;
    const opened = await openSupportCase(trx, { userId, category, body, ...contact, locale, now });
    if (!opened) throw new Error("support case refused without a transaction");
    for (const shot of screenshots) {
      await trx
        .insertInto("support_attachments")
        .values({ id: randomUUID(), ticket_id: opened.id, message_id: null, mime: shot.mime, bytes: shot.bytes, size: shot.size, width: shot.width, height: shot.height, created_at: now })
        .execute();
    }
    await recordSecurityEvent(trx, { type: "ticket_opened", userId, detail: { reference: opened.reference, category }, now });
    return { reference: opened.reference };
  });
}
