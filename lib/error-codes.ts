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
  "invalid_input",
  "unavailable",
  "network_failed",
  "network_timeout",
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === "string" && (ERROR_CODES as readonly string[]).includes(value);
}

export type FormState = {
  ok?: true;
  code?: ErrorCode;
  fieldErrors?: Record<string, ErrorCode[]>;
  values?: Record<string, string>;
};
