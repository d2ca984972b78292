import "server-only";
import type { Kysely, Transaction } from "kysely";
import type { Database, UserStatus } from "@/lib/db/schema";
import { recordSecurityEvent } from "@/lib/server/audit/record-security-event";
import type { RequestContext } from "@/lib/server/request-context";
import { endAllSessions } from "@/lib/server/sessions/end-all-sessions";

export type FreezeOptions = {
  userId: string;
  /** "frozen" by support, or "self_frozen" by the owner (lost phone). */
  status: "frozen" | "self_frozen";
  reason: string;
  caseRef: string | null;
  /** Who did it: the agent's user id, or the owner's own. */
  actorId: string;
  /** Freeze only an account in this state now, decided in the same statement (a self-freeze never touches a support freeze). */
  onlyFrom?: UserStatus;
  /** More for the audit row, e.g. how a self-freeze was asked for. */
  detail?: Record<string, string>;
  context?: RequestContext;
  now?: number;
};

/**
 * Freezes an account and ends every one of its sessions in the same transaction, so no browser stays
 * inside a frozen account. Returns false when there is no such account (or it is not in the `onlyFrom` state).
 */
export async function freezeAccount(db: Kysely<Database>, options: FreezeOptions): Promise<boolean> {
  return db.transaction().execute((trx) => freezeAccountWithin(trx, options));
}

/** freezeAccount inside the caller's transaction, for a freeze that must happen together with other changes. */
export async function freezeAccountWithin(trx: Transaction<Database>, options: FreezeOptions): Promise<boolean> {
  const now = options.now ?? Date.now();
  let update = trx
    .updateTable("users")
    .set({ status: options.status, frozen_reason: options.reason, frozen_case_ref: options.caseRef, frozen_at: now, updated_at: now })
    .where("id", "=", options.userId);
  if (options.onlyFrom) update = update.where("status", "=", options.onlyFrom);
  const updated = await update.executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0) return false;
  const sessionsEnded = await endAllSessions(trx, options.userId, { reason: "account_frozen", now });
  await recordSecurityEvent(trx, {
    type: "account_frozen",
    userId: options.userId,
    context: options.context,
    detail: { status: options.status, reason: options.reason, actor: options.actorId, sessionsEnded, ...options.detail },
    now,
  });
  return true;
}
