import type { FeedbackType, TranslationKeys } from "@zxcvbn-ts/core";
import type { PasswordAdvice } from "./policy-codes";

// zxcvbn runs without translations, so its feedback is its own keys; we map them to our advice codes and the UI
// words them in the user's language. Typed as complete records so a zxcvbn upgrade with new keys fails to compile.
const WARNINGS: Record<keyof TranslationKeys["warnings"], PasswordAdvice | null> = {
  straightRow: "avoid_keyboard_patterns",
  keyPattern: "avoid_keyboard_patterns",
  simpleRepeat: "avoid_repeats",
  extendedRepeat: "avoid_repeats",
  sequences: "avoid_sequences",
  recentYears: "avoid_dates",
  dates: "avoid_dates",
  topTen: "avoid_common",
  topHundred: "avoid_common",
  common: "avoid_common",
  similarToCommon: "avoid_common",
  pwned: "avoid_common",
  wordByItself: "use_passphrase",
  namesByThemselves: "avoid_names",
  commonNames: "avoid_names",
  userInputs: "avoid_personal",
};

const SUGGESTIONS: Record<keyof TranslationKeys["suggestions"], PasswordAdvice | null> = {
  l33t: "avoid_predictable_changes",
  reverseWords: "avoid_predictable_changes",
  allUppercase: "avoid_predictable_changes",
  capitalization: "avoid_predictable_changes",
  dates: "avoid_dates",
  recentYears: "avoid_dates",
  associatedYears: "avoid_dates",
  sequences: "avoid_sequences",
  repeated: "avoid_repeats",
  longerKeyboardPattern: "avoid_keyboard_patterns",
  anotherWord: "use_passphrase",
  useWords: "use_passphrase",
  noNeed: null,
  pwned: "avoid_common",
};

const lookUp = <K extends string>(table: Record<K, PasswordAdvice | null>, key: string) =>
  Object.hasOwn(table, key) ? table[key as K] : null;

/** Our advice codes for zxcvbn's feedback; keys we do not know are dropped rather than shown raw. */
export function adviceFromFeedback(feedback: FeedbackType): PasswordAdvice[] {
  const codes = [feedback.warning ? lookUp(WARNINGS, feedback.warning) : null, ...feedback.suggestions.map((s) => lookUp(SUGGESTIONS, s))];
  return codes.filter((c): c is PasswordAdvice => c !== null);
}
