import "server-only";
import type { Kysely } from "kysely";
import type { Database } from "@/lib/db/schema";
import { freezeAccountWithin } from "@/lib/server/accounts/freeze-account";
import { recordSecurityEvent } from "@/lib/server/audit/record-security-event";
import type { RequestContext } from "@/lib/server/request-context";
import { hashToken, newToken } from "@/lib/server/tokens";
import { RESET_HOLD_LINK_MS } from "./reset-hold-policy";

type StopInput = { token: string; context: RequestContext; now?: number };

/**
 * "This was not me": in one transaction the link is used up, every new password still waiting for the account is
 * cancelled and an active account is frozen (which ends its sessions). Still freezes when the wait is over, since
 * the owner may only now have read the announcement. False when the link is unknown, used or too old.
 */
export async function stopResetHold(db: Kysely<Database>, { token, context, now = Date.now() }: StopInput): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    // The stored hash is swapped for one nobody holds: a concurrent click re-reads the row and no longer matches.
    const hold = await trx
      .updateTable("reset_holds")
      .set({ cancel_token_hash: newToken().hash })
      .where("cancel_token_hash", "=", hashToken(token))
      .where("created_at", ">", now - RESET_HOLD_LINK_MS)
      .returning(["user_id", "applied_at"])
      .executeTakeFirst();
    if (!hold) return false;
    const cancelled = await trx
      .updateTable("reset_holds")
      .set({ cancelled_at: now })
      .where("user_id", "=", hold.user_id)
      .where("applied_at", "is", null)
      .where("cancelled_at", "is", null)
      .executeTakeFirst();
    const user = await trx.selectFrom("users").select("status").where("id", "=", hold.user_id).executeTakeFirst();
    // A freeze by support keeps its own reason and case.
    const freezes = user?.status === "active";
    if (freezes) {
      await freezeAccountWithin(trx, { userId: hold.user_id, status: "self_frozen", reason: "owner_request", caseRef: null, actorId: hold.user_id, context, now });
    }
    await recordSecurityEvent(trx, {
      type: "reset_hold_cancelled",
      userId: hold.user_id,
      context,
      detail: { cancelled: Number(cancelled.numUpdatedRows), alreadyApplied: hold.applied_at !== null, frozen: freezes },
      now,
    });
    return true;
  });
}
