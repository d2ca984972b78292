import { z } from "zod";
import type { SupportTicketCategory } from "@/lib/db/schema";
import type { ErrorCode } from "@/lib/error-codes";

const code = (c: ErrorCode) => ({ error: c });

/** What a user may file; "suspicious_transaction" cases are opened from the transaction itself. */
export const TICKET_CATEGORIES = ["cannot_sign_in", "account", "other"] as const satisfies readonly SupportTicketCategory[];
export const TICKET_TEXT_MAX = 4000;

const text = z.string().trim().min(1, code("ticket_text_required")).max(TICKET_TEXT_MAX, code("ticket_text_required"));
// The box a user ticks after the form warned that the text looks like a password or a code.
const confirmed = z.preprocess((v) => v === "on", z.boolean());

export const newTicketSchema = z.object({ category: z.enum(TICKET_CATEGORIES, code("invalid_input")), body: text, confirmNoSecret: confirmed });
export const ticketReplySchema = z.object({ reference: z.string().regex(/^QN-\d{4}-\d{6}$/, code("ticket_not_found")), body: text, confirmNoSecret: confirmed });
