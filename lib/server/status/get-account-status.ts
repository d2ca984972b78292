import "server-only";
import type { Kysely } from "kysely";
import type { Database, User, UserStatus } from "@/lib/db/schema";
import { describeDevice, maskIp } from "@/lib/describe-device";
import { maskEmail, maskMobile } from "@/lib/identifier/mask-identifier";
import { hashIdentifier } from "@/lib/server/audit/hash-identifier";
import type { CounterStore } from "@/lib/server/counters";
import { findUnfreezeProofs } from "@/lib/server/freeze/find-unfreeze-proofs";
import type { UnfreezeMethod } from "@/lib/validation/freeze";
import { findPauseEnd } from "./find-pause-end";

export const RECENT_FAILURES_SHOWN = 5;

/** `count`: refusals repeated within that minute are one row (the first attempt's address and device). */
export type FailedSignIn = { at: number; ip: string | null; device: { browser: string; os: string } | null; count: number };

/** What the status view shows; JSON-safe, and nothing in it is more than its owner already knows. */
export type AccountStatus = {
  state: UserStatus;
  email: string | null;
  mobile: string | null;
  /** A reason code such as "risk_review"; the UI words it. */
  frozenReason: string | null;
  caseRef: string | null;
  frozenAt: number | null;
  pausedUntil: number | null;
  recentFailures: FailedSignIn[];
  /** A self-frozen account: what its unfreeze form asks for besides the password (empty: only support can help). */
  unfreezeProofs: UnfreezeMethod[] | null;
};

/** A refused attempt during a pause is recorded by identifier only (no account lookup happens): match both. */
async function recentFailures(db: Kysely<Database>, user: Pick<User, "id" | "email" | "mobile">): Promise<FailedSignIn[]> {
  const hashes = [user.email, user.mobile].filter((v): v is string => Boolean(v)).map(hashIdentifier);
  const rows = await db
    .selectFrom("security_events")
    .select(["created_at", "ip", "user_agent", "repeat_count"])
    .where("type", "in", ["sign_in_failed", "sign_in_refused_paused"])
    .where((eb) => eb.or([eb("user_id", "=", user.id), eb("identifier_hash", "in", hashes)]))
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .limit(RECENT_FAILURES_SHOWN)
    .execute();
  return rows.map((r) => ({ at: Number(r.created_at), ip: maskIp(r.ip), device: describeDevice(r.user_agent), count: Number(r.repeat_count) }));
}

export async function getAccountStatus({ db, store, userId, now = Date.now() }: { db: Kysely<Database>; store: CounterStore; userId: string; now?: number }): Promise<AccountStatus | null> {
  const user = await db.selectFrom("users").selectAll().where("id", "=", userId).executeTakeFirst();
  if (!user) return null;
  const [pausedUntil, failures, unfreezeProofs] = await Promise.all([
    findPauseEnd(store, user, now),
    recentFailures(db, user),
    user.status === "self_frozen" ? findUnfreezeProofs(db, user) : null,
  ]);
  // A reason left over from an earlier freeze is history, not the account's state.
  const shut = user.status !== "active";
  return {
    state: user.status,
    email: user.email ? maskEmail(user.email) : null,
    mobile: user.mobile ? maskMobile(user.mobile) : null,
    frozenReason: shut ? user.frozen_reason : null,
    caseRef: shut ? user.frozen_case_ref : null,
    frozenAt: shut && user.frozen_at !== null ? Number(user.frozen_at) : null,
    pausedUntil,
    recentFailures: failures,
    unfreezeProofs,
  };
}
