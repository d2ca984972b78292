import "server-only";
import type { Kysely } from "kysely";
import type { Config } from "@/lib/config";
import type { Database, User } from "@/lib/db/schema";
import { recordSecurityEvent } from "@/lib/server/audit/record-security-event";
import type { CounterStore } from "@/lib/server/counters";
import { passSignInGate, type Admission } from "@/lib/server/lockout/pass-sign-in-gate";
import { accountPauseKey } from "@/lib/server/lockout/pause-key";
import type { RequestContext } from "@/lib/server/request-context";

type AccountGate = {
  db: Kysely<Database>;
  store: CounterStore;
  config: Pick<Config, "IP_AUTH_POST_PER_MINUTE" | "IP_FAILED_SIGNIN_LIMIT">;
  user: User;
  identifierHash: string;
  context: RequestContext;
  now: number;
};

/**
 * The sign-in gate for a second factor of a known account (a sign-in's second step, a reset's): the same limits,
 * and the attempt reserved on the account's count before the factor is checked, like a password.
 */
export async function enterAccountGate({ db, store, config, user, identifierHash, context, now }: AccountGate): Promise<Admission | null> {
  return passSignInGate({
    store,
    pauseKey: accountPauseKey(user.id),
    ip: context.ip,
    limits: { postsPerMinute: config.IP_AUTH_POST_PER_MINUTE, failuresPerIp: config.IP_FAILED_SIGNIN_LIMIT },
    now,
    reserve: true,
    audit: (type, detail) => recordSecurityEvent(db, { type, userId: user.id, identifierHash, context, detail, now }),
  });
}
