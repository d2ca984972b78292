export type Identifier = { kind: "email"; value: string } | { kind: "mobile"; value: string };

export type IdentifierProblem = "identifier_required" | "identifier_too_long" | "identifier_invalid";

export const IDENTIFIER_MAX_LENGTH = 256;

const EMAIL = /^[^\s@"<>(),;:\\[\]]+@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/;
const MAINLAND_MOBILE = /^1[3-9]\d{9}$/;
const E164 = /^\+[1-9]\d{6,14}$/;
// U+FFFD is what undecodable (non-UTF-8) bytes become; control and invisible format characters
// (zero-width, bidi overrides) are never typed on purpose and would make look-alike identifiers.
const MALFORMED = /[\p{Cc}\p{Cf}\ufffd]/u;

/**
 * Turns what a user typed into the one form we store: lower-case email, or an E.164 mobile number.
 * Full-width characters from Chinese input methods are folded (NFKC) first, so "１３８…" works.
 */
export function normalizeIdentifier(raw: string): Identifier | IdentifierProblem {
  const text = raw.normalize("NFKC").trim();
  if (text === "") return "identifier_required";
  if (raw.length > IDENTIFIER_MAX_LENGTH) return "identifier_too_long";
  if (MALFORMED.test(text)) return "identifier_invalid";
  if (text.includes("@")) return normalizeEmail(text);
  return normalizeMobile(text);
}

function normalizeEmail(text: string): Identifier | IdentifierProblem {
  const email = text.toLowerCase();
  if (email.length > 254 || !EMAIL.test(email)) return "identifier_invalid";
  return { kind: "email", value: email };
}

function normalizeMobile(text: string): Identifier | IdentifierProblem {
  if (!/^[+\d][\d\s\-().]*$/.test(text)) return "identifier_invalid";
  const digits = text.replace(/[\s\-().]/g, "");
  const international = digits.startsWith("+") ? digits : digits.startsWith("00") ? `+${digits.slice(2)}` : null;
  if (international === null) {
    return MAINLAND_MOBILE.test(digits) ? { kind: "mobile", value: `+86${digits}` } : "identifier_invalid";
  }
  if (international.startsWith("+86")) {
    const national = international.slice(3);
    return MAINLAND_MOBILE.test(national) ? { kind: "mobile", value: international } : "identifier_invalid";
  }
  return E164.test(international) ? { kind: "mobile", value: international } : "identifier_invalid";
}

export function isIdentifier(value: Identifier | IdentifierProblem): value is Identifier {
  return typeof value === "object";
}
