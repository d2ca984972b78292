import "server-only";
import type { Kysely, Transaction } from "kysely";
import type { Database, SessionEndReason } from "@/lib/db/schema";
import { recordSessionEnds } from "./record-session-ends";

export type EndAllSessionsOptions = {
  /** Why they end; the browsers are told on their next visit (see findEndedSession). */
  reason: SessionEndReason;
  /** The one session that stays (this browser's, after changing the password here). */
  exceptSessionId?: string;
  /** The trusted browser that stays (this browser's, when only the others are signed out). */
  exceptTrustedBrowserId?: string;
  now?: number;
};

/**
 * Ends every session of an account (password change or reset, freeze, "sign out everywhere else"), optionally
 * keeping this browser's, and every browser trusted to skip the second step: whoever got past it once must prove
 * it again. Returns how many sessions ended.
 */
export async function endAllSessions(db: Kysely<Database> | Transaction<Database>, userId: string, options: EndAllSessionsOptions): Promise<number> {
  let trusted = db.deleteFrom("trusted_browsers").where("user_id", "=", userId);
  if (options.exceptTrustedBrowserId) trusted = trusted.where("id", "!=", options.exceptTrustedBrowserId);
  await trusted.execute();
  let query = db.deleteFrom("sessions").where("user_id", "=", userId);
  if (options.exceptSessionId) query = query.where("id", "!=", options.exceptSessionId);
  const ended = await query.returning(["id", "expires_at"]).execute();
  await recordSessionEnds(db, { userId, sessions: ended, reason: options.reason, now: options.now ?? Date.now() });
  return ended.length;
}
