import "server-only";
import type { Kysely } from "kysely";
import type { Database, Session } from "@/lib/db/schema";
import { recordSecurityEvent } from "@/lib/server/audit/record-security-event";
import type { RequestContext } from "@/lib/server/request-context";
import { Refusal } from "@/lib/server/refusal";
import { requireRecentProof } from "@/lib/server/two-step/recent-proof";
import { sendPasskeyChanged } from "./send-passkey-changed";

type RemoveInput = { userId: string; session: Pick<Session, "proved_at">; passkeyId: string; context: RequestContext; now?: number };

/** Removes one of the account's own passkeys after a recent proof; audited and announced with the removal. */
export async function removePasskey(db: Kysely<Database>, { userId, session, passkeyId, context, now = Date.now() }: RemoveInput): Promise<void> {
  requireRecentProof(session, now);
  await db.transaction().execute(async (trx) => {
    const removed = await trx.deleteFrom("passkeys").where("id", "=", passkeyId).where("user_id", "=", userId).returning("name").executeTakeFirst();
    if (!removed) throw new Refusal("passkey_not_found");
    const user = await trx.selectFrom("users").select(["id", "email", "mobile", "locale"]).where("id", "=", userId).executeTakeFirstOrThrow();
    await recordSecurityEvent(trx, { type: "passkey_removed", userId, context, detail: { name: removed.name }, now });
    await sendPasskeyChanged(trx, { user, change: "removed", name: removed.name, context, now });
  });
}
