import "server-only";
import type { Kysely, Transaction } from "kysely";
import type { Database } from "@/lib/db/schema";
import type { RequestContext } from "@/lib/server/request-context";

export const SECURITY_EVENT_TYPES = [
  "sign_in_succeeded",
  "sign_in_failed",
  "sign_in_refused_status",
  "sign_in_refused_paused",
  "sign_in_refused_throttled",
  "sign_in_rate_limited",
  "sign_in_paused",
  "ip_throttled",
  "unlocked",
  "account_frozen",
  "account_unfrozen",
  "status_code_sent",
  "status_code_failed",
  "status_viewed",
  "reset_requested",
  "reset_code_failed",
  "reset_link_followed",
  "password_reset",
  "reset_hold_placed",
  "reset_hold_cancelled",
  "password_changed",
  "password_change_failed",
  "signed_out",
  "session_revoked",
  "second_step_started",
  "browser_trusted",
  "reset_second_factor_given",
  "sign_in_code_sent",
  "sign_in_code_failed",
  "two_step_app_enabled",
  "two_step_app_disabled",
  "two_step_sms_enabled",
  "two_step_sms_disabled",
  "backup_codes_generated",
  "identity_confirmed",
  "identity_check_failed",
  "passkey_added",
  "passkey_removed",
  "new_device_signed_in",
  "sessions_revoked",
  "trusted_browser_revoked",
  "not_me_reported",
  "unfreeze_failed",
  "unfreeze_code_sent",
  "unfreeze_code_failed",
  "transaction_reported",
  "recovery_code_sent",
  "recovery_code_failed",
  "recovery_requested",
  "recovery_approved",
  "recovery_refused",
  "recovery_evidence_viewed",
  "recovery_link_sent",
  "incident_created",
  "incident_updated",
  "incident_resolved",
  "client_version_rule_updated",
  "ticket_opened",
  "ticket_answered",
  "ticket_closed",
] as const;

export type SecurityEventType = (typeof SECURITY_EVENT_TYPES)[number];

/**
 * Refusals an attack repeats by the thousand: the same one from one identifier within a minute is one row whose
 * count grows (PRODUCT §14), so a flood cannot fill the disk and costs an update, not an insert with its indexes.
 */
export const REPEATED_REFUSALS: ReadonlySet<SecurityEventType> = new Set(["sign_in_refused_paused", "sign_in_refused_throttled", "sign_in_rate_limited"]);

const MINUTE_MS = 60_000;

export type SecurityEventInput = {
  type: SecurityEventType;
  userId?: string | null;
  identifierHash?: string | null;
  context?: RequestContext;
  detail?: Record<string, string | number | boolean>;
  now?: number;
};

/** The row a repeated refusal adds to: one per type, identifier and minute; null for every other event. */
export function repeatKeyOf(event: Pick<SecurityEventInput, "type" | "identifierHash">, now: number): string | null {
  if (!REPEATED_REFUSALS.has(event.type) || !event.identifierHash) return null;
  return `${event.type}:${event.identifierHash}:${Math.floor(now / MINUTE_MS)}`;
}

/**
 * Appends one row to the audit log, or counts one more on the minute's row of a repeated refusal (decided by the
 * database in one statement, so parallel refusals all count); never holds secrets, only a keyed hash of the identifier.
 */
export async function recordSecurityEvent(db: Kysely<Database> | Transaction<Database>, event: SecurityEventInput): Promise<void> {
  const now = event.now ?? Date.now();
  const repeatKey = repeatKeyOf(event, now);
  await db
    .insertInto("security_events")
    .values({
      type: event.type,
      user_id: event.userId ?? null,
      identifier_hash: event.identifierHash ?? null,
      ip: event.context?.ip ?? null,
      user_agent: event.context?.userAgent?.slice(0, 512) ?? null,
      detail: event.detail ? JSON.stringify(event.detail) : null,
      created_at: now,
      repeat_key: repeatKey,
    })
    .$if(repeatKey !== null, (q) => q.onConflict((oc) => oc.column("repeat_key").doUpdateSet((eb) => ({ repeat_count: eb("security_events.repeat_count", "+", 1) }))))
    .execute();
}
