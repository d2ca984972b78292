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

export type SecurityEventInput = {
  type: SecurityEventType;
  userId?: string | null;
  identifierHash?: string | null;
  context?: RequestContext;
  detail?: Record<string, string | number | boolean>;
  now?: number;
};

/** Appends one row to the audit log; never holds secrets, only a keyed hash of the identifier. */
export async function recordSecurityEvent(db: Kysely<Database> | Transaction<Database>, event: SecurityEventInput): Promise<void> {
  await db
    .insertInto("security_events")
    .values({
      type: event.type,
      user_id: event.userId ?? null,
      identifier_hash: event.identifierHash ?? null,
      ip: event.context?.ip ?? null,
      user_agent: event.context?.userAgent?.slice(0, 512) ?? null,
      detail: event.detail ? JSON.stringify(event.detail) : null,
      created_at: event.now ?? Date.now(),
    })
    .execute();
}
