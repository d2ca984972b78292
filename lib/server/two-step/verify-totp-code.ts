import "server-only";
import type { Kysely } from "kysely";
import type { Database } from "@/lib/db/schema";
import { matchTotpStep, openTotpSecret } from "./totp-policy";

type TotpAttempt = { userId: string; code: string; now?: number };

/**
 * True once per 30-second step for a right code of the account's confirmed authenticator app. The step is spent
 * in the same statement that decides, so concurrent copies of one code give a single true; anything malformed
 * (or an app that was never confirmed) is simply false.
 */
export async function verifyTotpCode(db: Kysely<Database>, { userId, code, now = Date.now() }: TotpAttempt): Promise<boolean> {
  const credential = await db
    .selectFrom("totp_credentials")
    .select(["secret_sealed", "last_step"])
    .where("user_id", "=", userId)
    .where("confirmed_at", "is not", null)
    .executeTakeFirst();
  if (!credential) return false;
  let secret: string;
  try {
    secret = openTotpSecret(credential.secret_sealed, userId);
  } catch {
    console.error(`[two-step] the authenticator secret of a user cannot be opened (AUTH_SECRET changed?)`);
    return false;
  }
  const step = await matchTotpStep(secret, code, now);
  if (step === null || step <= Number(credential.last_step)) return false;
  const spent = await db
    .updateTable("totp_credentials")
    .set({ last_step: step })
    .where("user_id", "=", userId)
    .where("confirmed_at", "is not", null)
    .where("last_step", "<", step)
    .returning("user_id")
    .executeTakeFirst();
  return spent !== undefined;
}
