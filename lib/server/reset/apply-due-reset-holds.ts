import "server-only";
import type { Kysely } from "kysely";
import type { Database } from "@/lib/db/schema";
import { recordPasswordHistory } from "@/lib/password/check-password-history";
import { recordSecurityEvent } from "@/lib/server/audit/record-security-event";
import type { CounterStore } from "@/lib/server/counters";
import { clearAccountFailures } from "@/lib/server/lockout/clear-account-failures";
import { endAllSessions } from "@/lib/server/sessions/end-all-sessions";
import { sendPasswordChanged } from "./send-password-changed";

// Applied by housekeeping, not in anyone's request: no address or device to report.
const NO_CONTEXT = { ip: null, userAgent: null };

/**
 * Puts in place every new password whose 72-hour wait is over and that nobody cancelled, as a reset would: new
 * hash, history, spent links and codes, every session ended, audit row, confirmation to every channel, pause
 * cleared. Each hold is claimed by one conditional update in its own transaction, so instances running this at
 * the same time apply it exactly once. Returns how many this call applied.
 */
export async function applyDueResetHolds(db: Kysely<Database>, store: CounterStore, now = Date.now()): Promise<number> {
  const due = await db
    .selectFrom("reset_holds")
    .select("id")
    .where("applied_at", "is", null)
    .where("cancelled_at", "is", null)
    .where("effective_at", "<=", now)
    .orderBy("effective_at")
    .execute();
  let applied = 0;
  for (const { id } of due) {
    if (await applyResetHold(db, store, id, now)) applied++;
  }
  return applied;
}

async function applyResetHold(db: Kysely<Database>, store: CounterStore, holdId: string, now: number): Promise<boolean> {
  const user = await db.transaction().execute(async (trx) => {
    const hold = await trx
      .updateTable("reset_holds")
      .set({ applied_at: now })
      .where("id", "=", holdId)
      .where("applied_at", "is", null)
      .where("cancelled_at", "is", null)
      .where("effective_at", "<=", now)
      .returning(["user_id", "password_hash", "created_at"])
      .executeTakeFirst();
    if (!hold) return null;
    const user = await trx.selectFrom("users").selectAll().where("id", "=", hold.user_id).executeTakeFirstOrThrow();
    // The owner acted meanwhile (a frozen account, or a password set since): the waiting one is dropped, not applied.
    if (user.status !== "active" || Number(user.password_changed_at ?? 0) > Number(hold.created_at)) {
      await trx.updateTable("reset_holds").set({ applied_at: null, cancelled_at: now }).where("id", "=", holdId).execute();
      await recordSecurityEvent(trx, { type: "reset_hold_cancelled", userId: user.id, detail: { holdId, reason: user.status !== "active" ? "account_not_active" : "password_changed" }, now });
      return null;
    }
    await trx.updateTable("users").set({ password_hash: hold.password_hash, password_changed_at: now, updated_at: now }).where("id", "=", user.id).execute();
    await recordPasswordHistory(trx, user.id, user.password_hash, now);
    if (user.email) await trx.deleteFrom("verification_tokens").where("identifier", "=", user.email).execute();
    await trx.updateTable("one_time_codes").set({ used_at: now }).where("user_id", "=", user.id).where("purpose", "=", "reset").where("used_at", "is", null).execute();
    const sessionsEnded = await endAllSessions(trx, user.id, { reason: "password_changed", now });
    await recordSecurityEvent(trx, { type: "password_reset", userId: user.id, detail: { via: "hold", holdId, sessionsEnded }, now });
    await sendPasswordChanged(trx, { user, how: "hold", context: NO_CONTEXT, now });
    return user;
  });
  if (!user) return false;
  await clearAccountFailures(store, user);
  return true;
}
