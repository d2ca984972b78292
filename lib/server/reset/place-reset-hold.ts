import "server-only";
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "@/lib/db/schema";
import { hashPassword } from "@/lib/password/argon2";
import { isRecentPassword } from "@/lib/password/check-password-history";
import { recordSecurityEvent } from "@/lib/server/audit/record-security-event";
import { Refusal } from "@/lib/server/refusal";
import type { RequestContext } from "@/lib/server/request-context";
import { newToken } from "@/lib/server/tokens";
import { findTwoStepMethods, hasTwoStep } from "@/lib/server/two-step/find-two-step-methods";
import { announceResetHold } from "./announce-reset-hold";
import { RESET_HOLD_MS } from "./reset-hold-policy";

type HoldInput = { db: Kysely<Database>; resetSessionId: string; password: string; context: RequestContext; now?: number };

/**
 * "I can't use any of my second factors": the new password waits 72 hours instead of taking effect. One
 * transaction: the reset session is spent (so of concurrent submissions one proceeds), an older pending hold is
 * replaced, the hold is stored with only the hash of its "this was not me" token, audited and announced to every
 * channel. Refused "reset_expired" (session gone or spent), "password_reused" (on the password field), or
 * "invalid_input" when the account has no two-step verification (its reset needs no wait).
 */
export async function placeResetHold({ db, resetSessionId, password, context, now = Date.now() }: HoldInput): Promise<{ effectiveAt: number }> {
  const session = await db.selectFrom("sessions").selectAll().where("id", "=", resetSessionId).where("purpose", "=", "reset").executeTakeFirst();
  if (!session || session.expires_at <= now) throw new Refusal("reset_expired");
  const user = await db.selectFrom("users").selectAll().where("id", "=", session.user_id).executeTakeFirstOrThrow();
  if (!hasTwoStep(await findTwoStepMethods(db, user.id))) throw new Refusal("invalid_input");
  if (await isRecentPassword(db, user.id, password, user.password_hash)) throw new Refusal("password_reused", { field: "password" });
  const passwordHash = await hashPassword(password);
  const cancel = newToken();
  const effectiveAt = now + RESET_HOLD_MS;
  await db.transaction().execute(async (trx) => {
    const spent = await trx.deleteFrom("sessions").where("id", "=", resetSessionId).where("purpose", "=", "reset").returning("id").executeTakeFirst();
    if (!spent) throw new Refusal("reset_expired");
    const replaced = await trx
      .updateTable("reset_holds")
      .set({ cancelled_at: now })
      .where("user_id", "=", user.id)
      .where("applied_at", "is", null)
      .where("cancelled_at", "is", null)
      .executeTakeFirst();
    await trx
      .insertInto("reset_holds")
      .values({ id: randomUUID(), user_id: user.id, password_hash: passwordHash, cancel_token_hash: cancel.hash, created_at: now, effective_at: effectiveAt, cancelled_at: null, applied_at: null })
      .execute();
    await recordSecurityEvent(trx, {
      type: "reset_hold_placed",
      userId: user.id,
      context,
      detail: { via: session.reset_via ?? "unknown", effectiveAt, replaced: Number(replaced.numUpdatedRows) },
      now,
    });
    await announceResetHold(trx, { user, cancelToken: cancel.token, effectiveAt, context, now });
  });
  return { effectiveAt };
}
