import "server-only";
import type { Kysely } from "kysely";
import type { Database } from "@/lib/db/schema";
import { hashPassword } from "@/lib/password/argon2";
import { isRecentPassword, recordPasswordHistory } from "@/lib/password/check-password-history";
import { recordSecurityEvent } from "@/lib/server/audit/record-security-event";
import type { CounterStore } from "@/lib/server/counters";
import { Refusal } from "@/lib/server/refusal";
import { findTwoStepMethods, hasTwoStep } from "@/lib/server/two-step/find-two-step-methods";
import { clearAccountFailures } from "@/lib/server/lockout/clear-account-failures";
import type { RequestContext } from "@/lib/server/request-context";
import { endAllSessions } from "@/lib/server/sessions/end-all-sessions";
import { sendPasswordChanged } from "./send-password-changed";

type ResetInput = { db: Kysely<Database>; store: CounterStore; resetSessionId: string; password: string; context: RequestContext; now?: number };

/**
 * Sets the new password for the account behind a reset-only session. One transaction: the reset session
 * is spent first (so of many concurrent submissions exactly one proceeds), then the new hash, history,
 * spent links and codes, every session of the account, the audit row and the confirmation messages.
 * Refused "reset_expired" (session gone or spent), "second_factor_required" (two-step verification is on and no
 * second factor was given on this reset) or "password_reused" (on the password field).
 */
export async function resetPassword({ db, store, resetSessionId, password, context, now = Date.now() }: ResetInput): Promise<void> {
  const session = await db.selectFrom("sessions").selectAll().where("id", "=", resetSessionId).where("purpose", "=", "reset").executeTakeFirst();
  if (!session || session.expires_at <= now) throw new Refusal("reset_expired");
  const user = await db.selectFrom("users").selectAll().where("id", "=", session.user_id).executeTakeFirstOrThrow();
  // A reset cannot bypass two-step verification: the second factor must have been given on this reset session.
  if (session.second_factor_at === null && hasTwoStep(await findTwoStepMethods(db, user.id))) throw new Refusal("second_factor_required");
  if (await isRecentPassword(db, user.id, password, user.password_hash)) throw new Refusal("password_reused", { field: "password" });
  const newHash = await hashPassword(password);
  await db.transaction().execute(async (trx) => {
    const spent = await trx.deleteFrom("sessions").where("id", "=", resetSessionId).where("purpose", "=", "reset").returning("id").executeTakeFirst();
    if (!spent) throw new Refusal("reset_expired");
    await trx.updateTable("users").set({ password_hash: newHash, password_changed_at: now, updated_at: now }).where("id", "=", user.id).execute();
    if (user.password_hash) await recordPasswordHistory(trx, user.id, user.password_hash, now);
    if (user.email) await trx.deleteFrom("verification_tokens").where("identifier", "=", user.email).execute();
    await trx.updateTable("one_time_codes").set({ used_at: now }).where("user_id", "=", user.id).where("purpose", "=", "reset").where("used_at", "is", null).execute();
    await endAllSessions(trx, user.id, { reason: "password_changed", now });
    await recordSecurityEvent(trx, { type: "password_reset", userId: user.id, context, now });
    await sendPasswordChanged(trx, { user, how: "reset", context, now });
  });
  await clearAccountFailures(store, user);
}
