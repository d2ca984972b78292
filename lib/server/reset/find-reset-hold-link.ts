import "server-only";
import type { Kysely } from "kysely";
import type { Database } from "@/lib/db/schema";
import { hashToken } from "@/lib/server/tokens";
import { RESET_HOLD_LINK_MS } from "./reset-hold-policy";

export type ResetHoldLink = {
  /** When the new password takes (or took) effect. */
  effectiveAt: number;
  /** The wait ended and the new password is in place. */
  applied: boolean;
  /** Replaced by a newer request, or cancelled. */
  cancelled: boolean;
};

/** What a still-usable "this was not me" link is about; null when it is unknown, used or too old. Looking never uses it. */
export async function findResetHoldLink(db: Kysely<Database>, token: string, now = Date.now()): Promise<ResetHoldLink | null> {
  const hold = await db
    .selectFrom("reset_holds")
    .select(["effective_at", "applied_at", "cancelled_at"])
    .where("cancel_token_hash", "=", hashToken(token))
    .where("created_at", ">", now - RESET_HOLD_LINK_MS)
    .executeTakeFirst();
  if (!hold) return null;
  return { effectiveAt: Number(hold.effective_at), applied: hold.applied_at !== null, cancelled: hold.cancelled_at !== null };
}
