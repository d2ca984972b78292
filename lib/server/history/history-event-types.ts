import "server-only";
import type { SecurityEventType } from "@/lib/server/audit/record-security-event";

/**
 * Which audit events the owner's sign-in history shows (each worded under `history.events.<type>`). Hidden are the
 * steps inside a flow whose outcome has a row of its own, and messages the owner receives themselves. A new event
 * type must be placed here: the record is exhaustive, so leaving it out does not compile.
 */
const SHOWN: Record<SecurityEventType, boolean> = {
  sign_in_succeeded: true,
  sign_in_failed: true,
  sign_in_refused_status: true,
  sign_in_refused_paused: true,
  sign_in_refused_throttled: true,
  sign_in_rate_limited: true,
  sign_in_paused: true,
  // About the network, not the account: the paused or refused sign-in it causes has its own row.
  ip_throttled: false,
  unlocked: true,
  account_frozen: true,
  account_unfrozen: true,
  unfreeze_failed: true,
  unfreeze_code_sent: false,
  unfreeze_code_failed: true,
  // The code arrives in the owner's own inbox; a wrong one, or the status it opens, is shown.
  status_code_sent: false,
  status_code_failed: true,
  status_viewed: true,
  reset_requested: true,
  reset_code_failed: true,
  // Steps of a reset whose end (password_reset, or nothing) is its own row.
  reset_link_followed: false,
  reset_second_factor_given: false,
  password_reset: true,
  reset_hold_placed: true,
  reset_hold_cancelled: true,
  password_changed: true,
  password_change_failed: true,
  signed_out: true,
  session_revoked: true,
  sessions_revoked: true,
  // A right password with the second step still owed: the step's success or failure is the row that matters.
  second_step_started: false,
  browser_trusted: true,
  trusted_browser_revoked: true,
  sign_in_code_sent: false,
  // Every wrong second-step code is also a sign_in_failed row.
  sign_in_code_failed: false,
  two_step_app_enabled: true,
  two_step_app_disabled: true,
  two_step_sms_enabled: true,
  two_step_sms_disabled: true,
  backup_codes_generated: true,
  // A recent proof before a change: the change is the row; a failed proof is worth seeing.
  identity_confirmed: false,
  identity_check_failed: true,
  passkey_added: true,
  passkey_removed: true,
  new_device_signed_in: true,
  not_me_reported: true,
  transaction_reported: true,
  // Recovery proves a new contact and files a request; only an agent's decision changes the account.
  recovery_code_sent: false,
  recovery_code_failed: false,
  recovery_requested: false,
  // An agent's decision is told by message to the old and new contacts; the history starts over with the reset.
  recovery_approved: false,
  recovery_refused: false,
  recovery_evidence_viewed: false,
  recovery_link_sent: false,
  // An agent's work on the service, filed under the agent's id for the audit: not about their own account's security.
  incident_created: false,
  incident_updated: false,
  incident_resolved: false,
  client_version_rule_updated: false,
  // Support cases are listed with their conversation on /support, and an answer arrives as a notice.
  ticket_opened: false,
  ticket_answered: false,
  ticket_closed: false,
};

/** The event types listed in the history, in the audit log's order. */
export const HISTORY_EVENT_TYPES: readonly SecurityEventType[] = (Object.keys(SHOWN) as SecurityEventType[]).filter((type) => SHOWN[type]);
