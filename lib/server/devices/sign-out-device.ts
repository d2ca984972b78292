import "server-only";
import type { Kysely } from "kysely";
import type { Database } from "@/lib/db/schema";
import type { DeviceKind } from "@/lib/devices/device-summary";
import { recordSecurityEvent } from "@/lib/server/audit/record-security-event";
import type { RequestContext } from "@/lib/server/request-context";
import { Refusal } from "@/lib/server/refusal";
import { recordSessionEnds } from "@/lib/server/sessions/record-session-ends";

export type SignOutDeviceOptions = {
  userId: string;
  /** This browser's session: it signs out with the ordinary button, not from the list. */
  currentSessionId: string;
  kind: DeviceKind;
  id: string;
  context: RequestContext;
  now?: number;
};

/**
 * Signs one of the account's own browsers out (its session row goes, so it is out on its next request, and told
 * why), or stops trusting one to skip the second step. An id of anyone else's is "not found" and changes nothing.
 */
export async function signOutDevice(db: Kysely<Database>, { userId, currentSessionId, kind, id, context, now = Date.now() }: SignOutDeviceOptions): Promise<void> {
  if (kind === "session" && id === currentSessionId) throw new Refusal("device_is_current");
  await db.transaction().execute(async (trx) => {
    if (kind === "trusted_browser") {
      const revoked = await trx.deleteFrom("trusted_browsers").where("id", "=", id).where("user_id", "=", userId).returning("id").executeTakeFirst();
      if (!revoked) throw new Refusal("device_not_found");
      await recordSecurityEvent(trx, { type: "trusted_browser_revoked", userId, context, now });
      return;
    }
    const ended = await trx
      .deleteFrom("sessions")
      .where("id", "=", id)
      .where("user_id", "=", userId)
      .where("purpose", "=", "full")
      .returning(["id", "expires_at"])
      .executeTakeFirst();
    if (!ended) throw new Refusal("device_not_found");
    await recordSessionEnds(trx, { userId, sessions: [ended], reason: "signed_out_elsewhere", now });
    await recordSecurityEvent(trx, { type: "session_revoked", userId, context, now });
  });
}
