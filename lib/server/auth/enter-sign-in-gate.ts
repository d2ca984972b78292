import "server-only";
import type { Kysely } from "kysely";
import type { Config } from "@/lib/config";
import type { Database, User } from "@/lib/db/schema";
import type { Identifier } from "@/lib/identifier/normalize-identifier";
import { hashIdentifier } from "@/lib/server/audit/hash-identifier";
import { recordSecurityEvent } from "@/lib/server/audit/record-security-event";
import type { CounterStore } from "@/lib/server/counters";
import { passSignInGate, type Admission } from "@/lib/server/lockout/pass-sign-in-gate";
import { pauseKeyOf } from "@/lib/server/lockout/pause-key";
import type { RequestContext } from "@/lib/server/request-context";
import { findUserByIdentifier } from "@/lib/server/users/find-user-by-identifier";

export type GateEntry = {
  db: Kysely<Database>;
  store: CounterStore;
  config: Pick<Config, "IP_AUTH_POST_PER_MINUTE" | "IP_FAILED_SIGNIN_LIMIT">;
  identifier: Identifier;
  context: RequestContext;
  now: number;
  reserve: boolean;
};

export type GatePassed = { user: User | undefined; identifierHash: string; admission: Admission | null };

/**
 * What both sign-in paths do before any password is checked: find the account behind the identifier (phantoms
 * cost the same lookup), then pass the one gate, whose refusals are audited here alike for both paths.
 */
export async function enterSignInGate({ db, store, config, identifier, context, now, reserve }: GateEntry): Promise<GatePassed> {
  const identifierHash = hashIdentifier(identifier.value);
  const user = await findUserByIdentifier(db, identifier);
  const admission = await passSignInGate({
    store,
    pauseKey: pauseKeyOf(user, identifierHash),
    ip: context.ip,
    limits: { postsPerMinute: config.IP_AUTH_POST_PER_MINUTE, failuresPerIp: config.IP_FAILED_SIGNIN_LIMIT },
    now,
    reserve,
    audit: (type, detail) => recordSecurityEvent(db, { type, userId: user?.id, identifierHash, context, detail, now }),
  });
  return { user, identifierHash, admission };
}
