import "server-only";
import type { Kysely } from "kysely";
import type { Database } from "@/lib/db/schema";
import { recordSecurityEvent } from "@/lib/server/audit/record-security-event";
import type { RequestContext } from "@/lib/server/request-context";
import { endAllSessions } from "@/lib/server/sessions/end-all-sessions";

export type SignOutOtherDevicesOptions = {
  userId: string;
  currentSessionId: string;
  /** This browser's trust record stays with it; every other browser must give the second factor again. */
  currentTrustedBrowserId?: string | null;
  context: RequestContext;
  now?: number;
};

/** "Sign out all other devices": every session but this one and every other trusted browser end together. */
export async function signOutOtherDevices(db: Kysely<Database>, { userId, currentSessionId, currentTrustedBrowserId, context, now = Date.now() }: SignOutOtherDevicesOptions): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const count = await endAllSessions(trx, userId, {
      reason: "signed_out_everywhere_else",
      exceptSessionId: currentSessionId,
      exceptTrustedBrowserId: currentTrustedBrowserId ?? undefined,
      now,
    });
    await recordSecurityEvent(trx, { type: "sessions_revoked", userId, context, detail: { count }, now });
    return count;
  });
}
