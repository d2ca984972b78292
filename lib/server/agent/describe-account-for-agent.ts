import "server-only";
import type { Kysely } from "kysely";
import type { Database, User } from "@/lib/db/schema";
import { maskEmail, maskMobile } from "@/lib/identifier/mask-identifier";
import type { CounterStore } from "@/lib/server/counters";
import { listSecurityHistory, type HistoryEntry } from "@/lib/server/history/list-security-history";
import { findPauseEnd } from "@/lib/server/status/find-pause-end";
import { findTwoStepMethods } from "@/lib/server/two-step/find-two-step-methods";

export const AGENT_EVENT_ROWS = 20;

/** What the console shows of an account: masked contacts, state, pause, which factors are on (never secrets), recent events. */
export type AccountForAgent = {
  id: string;
  name: string;
  email: string | null;
  mobile: string | null;
  role: User["role"];
  status: User["status"];
  frozenReason: string | null;
  frozenCaseRef: string | null;
  pausedUntil: number | null;
  twoStep: { totp: boolean; sms: boolean; passkeys: number; backupCodes: number };
  events: HistoryEntry[];
};

/** Null for an unknown id. The events are the owner's own history rows: types, times and devices, never `detail`. */
export async function describeAccountForAgent(db: Kysely<Database>, store: CounterStore, userId: string, now = Date.now()): Promise<AccountForAgent | null> {
  const user = await db.selectFrom("users").selectAll().where("id", "=", userId).executeTakeFirst();
  if (!user) return null;
  const [pausedUntil, methods, history] = await Promise.all([
    findPauseEnd(store, user, now),
    findTwoStepMethods(db, user.id),
    listSecurityHistory(db, { userId: user.id, limit: AGENT_EVENT_ROWS, now }),
  ]);
  return {
    id: user.id,
    name: user.name,
    email: user.email && maskEmail(user.email),
    mobile: user.mobile && maskMobile(user.mobile),
    role: user.role,
    status: user.status,
    frozenReason: user.frozen_reason,
    frozenCaseRef: user.frozen_case_ref,
    pausedUntil,
    twoStep: { totp: methods.totp, sms: methods.sms, passkeys: methods.passkeys, backupCodes: methods.backupCodes },
    events: history.entries,
  };
}
