// The password policy's vocabulary, kept apart from the checker so forms, messages and tests
// can use the codes without loading zxcvbn.

export const PASSWORD_MIN_LENGTH = 8;
/** Counted in Unicode code points after NFKC. */
export const PASSWORD_MAX_CHARS = 128;

export const PASSWORD_COMPOSITIONS = ["default", "classic"] as const;
export type PasswordComposition = (typeof PASSWORD_COMPOSITIONS)[number];

/** Why a new password is refused; each is also an error code (lib/error-codes.ts). */
export const PASSWORD_PROBLEMS = [
  "password_required",
  "password_too_short",
  "password_too_long",
  "password_invalid",
  "password_common",
  "password_personal",
  "password_weak",
  "password_composition",
] as const;
export type PasswordProblem = (typeof PASSWORD_PROBLEMS)[number];

/** What would make a password stronger, in the order the form lists it. */
export const PASSWORD_ADVICE = [
  "avoid_common",
  "avoid_personal",
  "avoid_names",
  "avoid_sequences",
  "avoid_keyboard_patterns",
  "avoid_repeats",
  "avoid_dates",
  "avoid_predictable_changes",
  "longer",
  "use_passphrase",
  "add_upper",
  "add_lower",
  "add_digit",
  "add_symbol",
] as const;
export type PasswordAdvice = (typeof PASSWORD_ADVICE)[number];

export type PasswordScore = 0 | 1 | 2 | 3 | 4;

/** zxcvbn's score from which a password is strong enough. */
export const PASSWORD_MIN_SCORE: PasswordScore = 3;

/** Who the password belongs to: it must not be built from these. */
export type PasswordContext = {
  email?: string | null;
  mobile?: string | null;
  name?: string | null;
  composition: PasswordComposition;
};

export type PasswordCheck = {
  problems: PasswordProblem[];
  score: PasswordScore;
  advice: PasswordAdvice[];
};
