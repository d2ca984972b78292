import "server-only";
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database, User } from "@/lib/db/schema";
import { sendSecurityAlert } from "@/lib/server/alerts/send-security-alert";
import { recordSecurityEvent } from "@/lib/server/audit/record-security-event";
import type { RequestContext } from "@/lib/server/request-context";
import { hashDeviceToken } from "./device-cookie";

type SignInDevice = {
  user: Pick<User, "id" | "email" | "mobile" | "locale">;
  /** This browser's device id (the cookie's value). */
  token: string;
  context: RequestContext;
  now: number;
};

/** "known": seen before; "first": the account's first device, new against nothing; "new": announced to the owner. */
export type DeviceSighting = "known" | "first" | "new";

/**
 * Notes the browser of a full sign-in. A known one costs one indexed update. An unknown one is inserted and, when the
 * account already has another device, announced (alert with a "this was not me" link) and audited in the same
 * transaction; the insert decides, so simultaneous sign-ins from one new browser announce it once.
 */
export async function noteSignInDevice(db: Kysely<Database>, { user, token, context, now }: SignInDevice): Promise<DeviceSighting> {
  const deviceHash = hashDeviceToken(token);
  const seen = await db
    .updateTable("known_devices")
    .set({ last_seen_at: now, ip: context.ip, user_agent: context.userAgent })
    .where("user_id", "=", user.id)
    .where("device_hash", "=", deviceHash)
    .returning("id")
    .executeTakeFirst();
  if (seen) return "known";
  return db.transaction().execute(async (trx) => {
    const added = await trx
      .insertInto("known_devices")
      .values({ id: randomUUID(), user_id: user.id, device_hash: deviceHash, ip: context.ip, user_agent: context.userAgent, first_seen_at: now, last_seen_at: now })
      .onConflict((oc) => oc.columns(["user_id", "device_hash"]).doNothing())
      .returning("id")
      .executeTakeFirst();
    // A simultaneous sign-in from this browser added it first (and announced it if that was due).
    if (!added) return "known";
    const other = await trx.selectFrom("known_devices").select("id").where("user_id", "=", user.id).where("device_hash", "!=", deviceHash).limit(1).executeTakeFirst();
    if (!other) return "first";
    await sendSecurityAlert(trx, { user, alert: "new_device", context, now });
    await recordSecurityEvent(trx, { type: "new_device_signed_in", userId: user.id, context, now });
    return "new";
  });
}
