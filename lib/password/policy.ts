// One password policy for the browser (live meter) and the server (the final word).
// Isomorphic on purpose: no Node-only imports. zxcvbn's dictionaries are large, so browsers load this module
// through loadPasswordChecker() (a dynamic import) and the engine is built once, on first use.
import { ZxcvbnFactory, type ZxcvbnResult } from "@zxcvbn-ts/core";
import * as zxcvbnCommon from "@zxcvbn-ts/language-common";
import * as zxcvbnEn from "@zxcvbn-ts/language-en";
import { PASSWORD_MAX_LENGTH } from "@/lib/validation/limits";
import { CHINESE_CONTEXT_PASSWORDS, createCommonPasswordTest, type CommonPasswordTest } from "./common-passwords";
import { containsPersonalInfo, personalInfoOf, type PersonalInfo } from "./personal-info";
import {
  PASSWORD_ADVICE,
  PASSWORD_MAX_CHARS,
  PASSWORD_MIN_LENGTH,
  PASSWORD_MIN_SCORE,
  type PasswordAdvice,
  type PasswordCheck,
  type PasswordContext,
  type PasswordProblem,
  type PasswordScore,
} from "./policy-codes";
import { adviceFromFeedback } from "./zxcvbn-advice";

export * from "./policy-codes";

type Engine = { zxcvbn: ZxcvbnFactory; isCommon: CommonPasswordTest };
let engine: Engine | undefined;

// maxLength and l33tMaxSubstitutions bound the work per check (the defaults take seconds on a crafted 128-character
// password); anything past 64 characters is scored on its first 64, which only ever errs on the strict side.
function getEngine(): Engine {
  engine ??= {
    zxcvbn: new ZxcvbnFactory({
      dictionary: { ...zxcvbnCommon.dictionary, ...zxcvbnEn.dictionary, "passwords-qianneng": CHINESE_CONTEXT_PASSWORDS },
      graphs: zxcvbnCommon.adjacencyGraphs,
      maxLength: 64,
      l33tMaxSubstitutions: 10,
    }),
    isCommon: createCommonPasswordTest(zxcvbnCommon.dictionary["passwords-common"]),
  };
  return engine;
}

type CharacterClass = "upper" | "lower" | "digit" | "symbol";
const CLASSES: Record<CharacterClass, RegExp> = {
  upper: /\p{Lu}/u,
  lower: /\p{Ll}/u,
  digit: /\p{Nd}/u,
  symbol: /[^\p{L}\p{N}\p{M}]/u,
};
// Control characters, U+FFFD (undecodable input) and lone surrogates cannot be typed again reliably.
const UNTYPABLE = /[\p{Cc}\ufffd]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/u;

const missingClasses = (password: string) =>
  (Object.keys(CLASSES) as CharacterClass[]).filter((c) => !CLASSES[c].test(password));

const refused = (problem: PasswordProblem): PasswordCheck => ({ problems: [problem], score: 0, advice: [] });

/** A zxcvbn match on the user's own details that our plain substring test misses (l33t, reversed). */
function matchesUserInput(result: ZxcvbnResult): boolean {
  return result.sequence.some((m) => m.pattern === "dictionary" && m.dictionaryName === "userInputs" && m.token.length >= 4);
}

type Findings = { length: number; common: boolean; personal: boolean; missing: CharacterClass[]; result: ZxcvbnResult };

function examine(normalized: string, info: PersonalInfo): Findings {
  const { zxcvbn, isCommon } = getEngine();
  const lowered = normalized.toLowerCase();
  const result = zxcvbn.check(normalized, info.userInputs);
  return {
    length: Array.from(normalized).length,
    common: isCommon(lowered),
    personal: containsPersonalInfo(lowered, info) || matchesUserInput(result),
    missing: missingClasses(normalized),
    result,
  };
}

function problemsOf(f: Findings, score: PasswordScore, composition: PasswordContext["composition"]): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  if (f.length < PASSWORD_MIN_LENGTH) problems.push("password_too_short");
  if (f.length > PASSWORD_MAX_CHARS) problems.push("password_too_long");
  if (f.common) problems.push("password_common");
  if (f.personal) problems.push("password_personal");
  // "Too weak" adds nothing when a more specific reason is already given.
  if (score < PASSWORD_MIN_SCORE && problems.length === 0) problems.push("password_weak");
  if (composition === "classic" && f.missing.length > 0) problems.push("password_composition");
  return problems;
}

function adviceOf(f: Findings, score: PasswordScore, composition: PasswordContext["composition"]): PasswordAdvice[] {
  const advice = new Set<PasswordAdvice>();
  if (f.common) advice.add("avoid_common");
  if (f.personal) advice.add("avoid_personal");
  const weak = score < PASSWORD_MIN_SCORE;
  if (weak) adviceFromFeedback(f.result.feedback).forEach((a) => advice.add(a));
  if (weak && f.length < 12) advice.add("longer");
  if (weak || composition === "classic") f.missing.forEach((c) => advice.add(`add_${c}`));
  return PASSWORD_ADVICE.filter((a) => advice.has(a));
}

/** Checks a new password against the policy; `problems` empty means it may be set (history aside). */
export function checkPassword(password: string, context: PasswordContext): PasswordCheck {
  if (password.length > PASSWORD_MAX_LENGTH) return refused("password_too_long");
  const normalized = password.normalize("NFKC");
  if (normalized.length === 0) return refused("password_required");
  if (UNTYPABLE.test(normalized)) return refused("password_invalid");
  const findings = examine(normalized, personalInfoOf(context));
  // The meter must never call a refused password strong.
  const raw = findings.result.score as PasswordScore;
  const score = findings.common || findings.personal ? (Math.min(raw, 1) as PasswordScore) : raw;
  return { problems: problemsOf(findings, score, context.composition), score, advice: adviceOf(findings, score, context.composition) };
}
