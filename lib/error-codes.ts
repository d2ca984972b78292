/** Every error the UI can show; components map a code to words in the user's language (messages/*.json → errors). */
export const ERROR_CODES = [
  "identifier_required",
  "identifier_too_long",
  "identifier_invalid",
  "password_required",
  "password_too_long",
  "password_invalid",
  "invalid_credentials",
  "account_unavailable",
  "account_frozen",
  "sign_in_paused",
  "ip_throttled",
  "rate_limited",
  "invalid_input",
  "unavailable",
  "network_failed",
  "network_timeout",
  "code_required",
  "code_format",
  "code_incorrect",
  "code_invalid",
  "ownership_expired",
  "reset_expired",
  "reset_link_invalid",
  "password_reused",
  "current_password_wrong",
  "password_too_short",
  "password_common",
  "password_personal",
  "password_weak",
  "password_composition",
  "password_mismatch",
  "reauth_required",
  "second_step_expired",
  "passkey_invalid",
  "second_factor_required",
  "totp_already_on",
  "totp_not_started",
  "totp_not_on",
  "mobile_required",
  "passkey_cancelled",
  "passkey_not_found",
  "passkey_name_required",
  "passkey_name_too_long",
  "device_not_found",
  "device_is_current",
  "transaction_not_found",
  "report_note_too_long",
  "unfreeze_refused",
  "unfreeze_needs_agent",
  "not_self_frozen",
  "case_ref_invalid",
  "freeze_confirm_required",
  "not_me_link_invalid",
  "not_permitted",
  "agent_own_account",
  "agent_account_not_found",
  "agent_reason_required",
  "agent_reason_too_long",
  "account_not_paused",
  "agent_already_frozen",
  "agent_not_frozen",
  "incident_text_required",
  "incident_text_too_long",
  "incident_not_found",
  "incident_already_resolved",
  "version_invalid",
  "version_minimum_above_latest",
  "version_message_required",
  "update_url_invalid",
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === "string" && (ERROR_CODES as readonly string[]).includes(value);
}

export type FormState = {
  ok?: true;
  code?: ErrorCode;
  /** When a pause or throttle named by `code` ends (epoch ms). */
  until?: number;
  fieldErrors?: Record<string, ErrorCode[]>;
  values?: Record<string, string>;
};
