import "server-only";
import type { Kysely } from "kysely";
import type { Database } from "@/lib/db/schema";
import { recordSecurityEvent } from "@/lib/server/audit/record-security-event";
import type { CounterStore } from "@/lib/server/counters";
import { clearAccountFailures } from "@/lib/server/lockout/clear-account-failures";
import type { RequestContext } from "@/lib/server/request-context";
import { findPauseEnd } from "./find-pause-end";

type Unlock = { db: Kysely<Database>; store: CounterStore; userId: string; context: RequestContext; now?: number };

/**
 * "Unlock now" on the status view; the caller has checked that this browser proved ownership (status
 * ticket or session). Lifts the pause only, never a freeze. False when nothing was paused.
 */
export async function unlockFromStatus({ db, store, userId, context, now = Date.now() }: Unlock): Promise<boolean> {
  const user = await db.selectFrom("users").select(["id", "email", "mobile"]).where("id", "=", userId).executeTakeFirst();
  if (!user || (await findPauseEnd(store, user, now)) === null) return false;
  await clearAccountFailures(store, user);
  await recordSecurityEvent(db, { type: "unlocked", userId: user.id, context, detail: { via: "status_view" }, now });
  return true;
}
