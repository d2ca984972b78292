import "server-only";
import type { Kysely } from "kysely";
import type { Database, User } from "@/lib/db/schema";

/**
 * The sign-in's question, asked on every right password: is two-step verification on? The user row already says
 * whether SMS is; only an app or a passkey needs a look, and one row of either is enough.
 */
export async function hasTwoStepOn(db: Kysely<Database>, user: Pick<User, "id" | "sms_two_step_at" | "mobile">): Promise<boolean> {
  if (user.sms_two_step_at != null && user.mobile) return true;
  const [app, passkey] = await Promise.all([
    db.selectFrom("totp_credentials").select("user_id").where("user_id", "=", user.id).where("confirmed_at", "is not", null).executeTakeFirst(),
    db.selectFrom("passkeys").select("id").where("user_id", "=", user.id).limit(1).executeTakeFirst(),
  ]);
  return app !== undefined || passkey !== undefined;
}
