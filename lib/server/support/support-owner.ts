import "server-only";
import type { ExpressionBuilder } from "kysely";
import type { Database } from "@/lib/db/schema";

/** Who may read a ticket: the signed-in account, or a visitor who proved this email or mobile by code. */
export type SupportOwner = { userId: string } | { contactEmail: string } | { contactMobile: string };

/** The WHERE clause that keeps every ticket query to its owner's own tickets. */
export function ownedBy(owner: SupportOwner) {
  return (eb: ExpressionBuilder<Database, "support_tickets">) => {
    if ("userId" in owner) return eb("support_tickets.user_id", "=", owner.userId);
    if ("contactEmail" in owner) return eb("support_tickets.contact_email", "=", owner.contactEmail);
    return eb("support_tickets.contact_mobile", "=", owner.contactMobile);
  };
}
