import "server-only";
import type { Kysely } from "kysely";
import type { Database, User } from "@/lib/db/schema";
import type { ErrorCode } from "@/lib/error-codes";
import { recordSecurityEvent, type SecurityEventType } from "@/lib/server/audit/record-security-event";
import { notifyPausedOwner } from "@/lib/server/lockout/notify-paused-owner";
import { Refusal } from "@/lib/server/refusal";
import type { RequestContext } from "@/lib/server/request-context";

type FailedAttempt = {
  db: Kysely<Database>;
  user: User | undefined;
  identifierHash: string;
  /** Set when this attempt's reserved failure started a pause. */
  pausedUntil: number | null;
  context: RequestContext;
  now: number;
  /** What else than a sign-in failed (an unfreeze counts alike), and the generic answer it gets. */
  failure?: { event: SecurityEventType; refusal: ErrorCode };
};

/**
 * A wrong password (or unknown identifier): its failure was counted when the gate reserved the attempt; here it
 * is audited, a pause it started is announced to the owner, and the attempt is refused.
 */
export async function refuseFailedSignIn({ db, user, identifierHash, pausedUntil, context, now, failure }: FailedAttempt): Promise<never> {
  const audit = { userId: user?.id, identifierHash, context, now };
  await db.transaction().execute(async (trx) => {
    await recordSecurityEvent(trx, { type: failure?.event ?? "sign_in_failed", ...audit });
    if (!pausedUntil) return;
    await recordSecurityEvent(trx, { type: "sign_in_paused", ...audit, detail: { until: pausedUntil } });
    if (user) await notifyPausedOwner(trx, { user, pausedUntil, context, now });
  });
  if (pausedUntil) throw new Refusal("sign_in_paused", { until: pausedUntil });
  throw new Refusal(failure?.refusal ?? "invalid_credentials");
}
