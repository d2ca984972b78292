import "server-only";
import type { Kysely } from "kysely";
import type { Database } from "@/lib/db/schema";
import { hashPassword, verifyPassword } from "@/lib/password/argon2";
import { isRecentPassword, recordPasswordHistory } from "@/lib/password/check-password-history";
import { recordSecurityEvent } from "@/lib/server/audit/record-security-event";
import type { RequestContext } from "@/lib/server/request-context";
import { Refusal } from "@/lib/server/refusal";
import { endAllSessions } from "@/lib/server/sessions/end-all-sessions";
import { sendPasswordChanged } from "./send-password-changed";

type ChangeInput = {
  db: Kysely<Database>;
  userId: string;
  /** This browser's session stays; every other one ends. */
  keepSessionId: string;
  currentPassword: string;
  password: string;
  context: RequestContext;
  now?: number;
};

/** A signed-in user's password change: the current password is required, other sessions end, a confirmation goes out. */
export async function changePassword({ db, userId, keepSessionId, currentPassword, password, context, now = Date.now() }: ChangeInput): Promise<void> {
  const user = await db.selectFrom("users").selectAll().where("id", "=", userId).executeTakeFirstOrThrow();
  if (!(await verifyPassword(user.password_hash, currentPassword))) {
    await recordSecurityEvent(db, { type: "password_change_failed", userId, context, now });
    throw new Refusal("current_password_wrong", { field: "current" });
  }
  if (await isRecentPassword(db, user.id, password, user.password_hash)) throw new Refusal("password_reused", { field: "password" });
  const newHash = await hashPassword(password);
  await db.transaction().execute(async (trx) => {
    await trx.updateTable("users").set({ password_hash: newHash, password_changed_at: now, updated_at: now }).where("id", "=", user.id).execute();
    if (user.password_hash) await recordPasswordHistory(trx, user.id, user.password_hash, now);
    await endAllSessions(trx, user.id, { reason: "password_changed", exceptSessionId: keepSessionId, now });
    await recordSecurityEvent(trx, { type: "password_changed", userId: user.id, context, now });
    await sendPasswordChanged(trx, { user, how: "change", context, now });
  });
}
