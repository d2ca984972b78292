import "server-only";
import type { Kysely } from "kysely";
import type { Database, User } from "@/lib/db/schema";
import { recordSecurityEvent } from "@/lib/server/audit/record-security-event";
import type { CounterStore } from "@/lib/server/counters";
import { notifyPausedOwner } from "@/lib/server/lockout/notify-paused-owner";
import { recordFailedSignIn } from "@/lib/server/lockout/record-failed-sign-in";
import type { RequestContext } from "@/lib/server/request-context";
import { SignInRefused } from "./sign-in-errors";

type FailedAttempt = {
  db: Kysely<Database>;
  store: CounterStore;
  user: User | undefined;
  identifierHash: string;
  context: RequestContext;
  ipLimit: number;
  now: number;
};

/** Counts a wrong password (or unknown identifier), audits it, pauses and notifies as the rules say, then refuses. */
export async function refuseFailedSignIn({ db, store, user, identifierHash, context, ipLimit, now }: FailedAttempt): Promise<never> {
  const outcome = await recordFailedSignIn(store, { identifierKey: identifierHash, ip: context.ip, ipLimit, now });
  const audit = { userId: user?.id, identifierHash, context, now };
  await db.transaction().execute(async (trx) => {
    await recordSecurityEvent(trx, { type: "sign_in_failed", ...audit });
    if (outcome.ipThrottledUntil && outcome.ipThrottledUntil > now) {
      await recordSecurityEvent(trx, { type: "ip_throttled", ...audit, detail: { until: outcome.ipThrottledUntil } });
    }
    if (!outcome.pausedNow || !outcome.pausedUntil) return;
    await recordSecurityEvent(trx, { type: "sign_in_paused", ...audit, detail: { until: outcome.pausedUntil } });
    if (user) await notifyPausedOwner(trx, { user, pausedUntil: outcome.pausedUntil, context, now });
  });
  if (outcome.pausedUntil) throw new SignInRefused("sign_in_paused", outcome.pausedUntil);
  throw new SignInRefused("invalid_credentials");
}
