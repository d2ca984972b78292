import "server-only";
import type { Kysely } from "kysely";
import type { Database } from "@/lib/db/schema";
import { recordSecurityEvent } from "@/lib/server/audit/record-security-event";
import type { CounterStore } from "@/lib/server/counters";
import type { RequestContext } from "@/lib/server/request-context";
import { hashToken } from "@/lib/server/tokens";
import { clearAccountFailures } from "./clear-account-failures";

/**
 * "It was me — unlock": marks the token used (one atomic update, so a second click or a race gets
 * nothing), then lifts the pause on every identifier of the account. False when the link is spent.
 */
export async function redeemUnlockToken(
  db: Kysely<Database>,
  store: CounterStore,
  { token, context, now = Date.now() }: { token: string; context: RequestContext; now?: number },
): Promise<boolean> {
  const row = await db
    .updateTable("unlock_tokens")
    .set({ used_at: now })
    .where("token_hash", "=", hashToken(token))
    .where("used_at", "is", null)
    .where("expires_at", ">", now)
    .returning("user_id")
    .executeTakeFirst();
  if (!row) return false;
  const user = await db.selectFrom("users").select(["id", "email", "mobile"]).where("id", "=", row.user_id).executeTakeFirst();
  if (!user) return false;
  await clearAccountFailures(store, user);
  await recordSecurityEvent(db, { type: "unlocked", userId: user.id, context, detail: { via: "notice_link" }, now });
  return true;
}
