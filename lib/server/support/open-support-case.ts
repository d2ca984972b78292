import "server-only";
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database, SupportTicketCategory } from "@/lib/db/schema";
import { issueCaseReference } from "./issue-case-reference";

type OpenInput = {
  userId: string | null;
  category: SupportTicketCategory;
  body: string;
  transactionId?: string | null;
  /** A visitor's proven contact, when no account is signed in. */
  contactEmail?: string | null;
  contactMobile?: string | null;
  locale?: string | null;
  now: number;
};

/**
 * Stores a new case under a fresh reference. Returns null instead when a unique index refuses the row for
 * another reason than the reference (an open case for the same transaction): the caller decides what that means.
 * A reference already taken is drawn again; ON CONFLICT keeps a PostgreSQL transaction usable after it.
 */
export async function openSupportCase(db: Kysely<Database>, { userId, category, body, transactionId = null, contactEmail = null, contactMobile = null, locale = null, now }: OpenInput): Promise<{ id: string; reference: string } | null> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const reference = issueCaseReference(now);
    const inserted = await db
      .insertInto("support_tickets")
      .values({ id: randomUUID(), reference, user_id: userId, category, body, transaction_id: transactionId, contact_email: contactEmail, contact_mobile: contactMobile, locale, created_at: now, updated_at: now })
      .onConflict((oc) => oc.doNothing())
      .returning(["id", "reference"])
      .executeTakeFirst();
    if (inserted) return inserted;
    const taken = await db.selectFrom("support_tickets").select("id").where("reference", "=", reference).executeTakeFirst();
    if (!taken) return null;
  }
  throw new Error("no free case reference after 5 draws");
}
