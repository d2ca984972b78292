import "server-only";
import type { Kysely } from "kysely";
import type { Database } from "@/lib/db/schema";
import { Refusal } from "@/lib/server/refusal";
import type { TotpEnrolment } from "@/lib/two-step/totp-enrolment";
import { describeTotpEnrolment } from "./describe-totp-enrolment";
import { requireRecentProof } from "./recent-proof";
import type { TwoStepActor } from "./two-step-actor";
import { newTotpSecret, sealTotpSecret } from "./totp-policy";

/**
 * A new secret for an authenticator app, waiting for its first code; it replaces an earlier unconfirmed one.
 * Refused with "totp_already_on" while a confirmed app exists: turning it off comes first.
 */
export async function startTotpEnrolment(db: Kysely<Database>, { user, session, now = Date.now() }: Omit<TwoStepActor, "context"> & { now?: number }): Promise<TotpEnrolment> {
  requireRecentProof(session, now);
  const secret = newTotpSecret();
  const sealed = sealTotpSecret(secret, user.id);
  // One statement: a confirmed app is never overwritten, even by a start racing its confirmation.
  const written = await db
    .insertInto("totp_credentials")
    .values({ user_id: user.id, secret_sealed: sealed, created_at: now, confirmed_at: null, last_step: 0 })
    .onConflict((oc) => oc.column("user_id").doUpdateSet({ secret_sealed: sealed, created_at: now, last_step: 0 }).where("totp_credentials.confirmed_at", "is", null))
    .returning("user_id")
    .executeTakeFirst();
  if (!written) throw new Refusal("totp_already_on");
  return describeTotpEnrolment(user, secret);
}

