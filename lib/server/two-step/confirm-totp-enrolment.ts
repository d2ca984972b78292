import "server-only";
import type { Kysely } from "kysely";
import type { Database } from "@/lib/db/schema";
import { Refusal } from "@/lib/server/refusal";
import { recordTwoStepChange } from "./record-two-step-change";
import { requireRecentProof } from "./recent-proof";
import type { TwoStepActor } from "./two-step-actor";
import { matchTotpStep, normalizeTotpCode, openTotpSecret } from "./totp-policy";

/**
 * The first code from the app turns it on (its step counts as used); audited and announced on every channel.
 * Refusals: "totp_not_started" (nothing waiting, or already on), "code_format", "code_incorrect" (on the code field).
 */
export async function confirmTotpEnrolment(db: Kysely<Database>, { user, session, context, code, now = Date.now() }: TwoStepActor & { code: string; now?: number }): Promise<void> {
  requireRecentProof(session, now);
  if (!normalizeTotpCode(code)) throw new Refusal("code_format", { field: "code" });
  const pending = await db.selectFrom("totp_credentials").select("secret_sealed").where("user_id", "=", user.id).where("confirmed_at", "is", null).executeTakeFirst();
  if (!pending) throw new Refusal("totp_not_started");
  const step = await matchTotpStep(openTotpSecret(pending.secret_sealed, user.id), code, now);
  if (step === null) throw new Refusal("code_incorrect", { field: "code" });
  await db.transaction().execute(async (trx) => {
    // Only the very secret that was checked: a restart in between (a new QR code) must not be confirmed by the old one's code.
    const confirmed = await trx
      .updateTable("totp_credentials")
      .set({ confirmed_at: now, last_step: step })
      .where("user_id", "=", user.id)
      .where("confirmed_at", "is", null)
      .where("secret_sealed", "=", pending.secret_sealed)
      .returning("user_id")
      .executeTakeFirst();
    if (!confirmed) throw new Refusal("totp_not_started");
    await recordTwoStepChange(trx, { user, change: "app_on", context, now });
  });
}
