import type { PasswordContext } from "./policy-codes";

export type PersonalInfo = {
  /** Lower-case NFKC fragments that a password must not contain. */
  fragments: string[];
  /** Everything zxcvbn should treat as guessable for this user (it also tries l33t and reversed forms). */
  userInputs: string[];
};

const MIN_FRAGMENT = 3;
const MIN_PART = 4;
/** A mobile number's tail this long identifies it, whatever the country code or trunk prefix. */
const MOBILE_TAIL = 8;
const HAN = /\p{Script=Han}/u;
const SEPARATORS = /[\s._+\-()]/gu;

const fold = (text: string) => text.normalize("NFKC").toLowerCase().trim();
// Two Han characters already make a given name or a surname + name.
const longEnough = (text: string, min: number) => text.length >= (HAN.test(text) ? 2 : min);

function emailFragments(email: string): string[] {
  const at = email.lastIndexOf("@");
  const local = at > 0 ? email.slice(0, at) : email;
  const parts = local.split(/[._+\-]/u).filter((p) => longEnough(p, MIN_PART));
  return [email, ...(longEnough(local, MIN_FRAGMENT) ? [local] : []), ...parts];
}

function nameFragments(name: string): string[] {
  const joined = name.replace(SEPARATORS, "");
  const parts = name.split(SEPARATORS).filter((p) => longEnough(p, MIN_PART));
  return [...(longEnough(joined, MIN_FRAGMENT) ? [joined] : []), ...parts];
}

/** The number as written, its national digits (without +86) and its tail, for zxcvbn. */
function mobileInputs(mobile: string): { tail?: string; inputs: string[] } {
  const digits = mobile.replace(/\D/g, "");
  if (digits.length < MOBILE_TAIL) return { inputs: [] };
  const national = digits.startsWith("86") && digits.length === 13 ? digits.slice(2) : digits;
  const tail = digits.slice(-MOBILE_TAIL);
  return { tail, inputs: [digits, national, tail] };
}

/** What the password is checked against, from the account's own email, mobile number and name. */
export function personalInfoOf(context: Pick<PasswordContext, "email" | "mobile" | "name">): PersonalInfo {
  const email = context.email ? emailFragments(fold(context.email)) : [];
  const name = context.name ? nameFragments(fold(context.name)) : [];
  const mobile = mobileInputs(fold(context.mobile ?? ""));
  const fragments = [...new Set([...email, ...name, ...(mobile.tail ? [mobile.tail] : [])])];
  return { fragments, userInputs: [...new Set([...fragments, ...mobile.inputs])] };
}

/** Whether `lowered` (NFKC, lower case) contains a fragment, also once spaces and dashes are taken out. */
export function containsPersonalInfo(lowered: string, info: PersonalInfo): boolean {
  if (info.fragments.length === 0) return false;
  const squeezed = lowered.replace(SEPARATORS, "");
  return info.fragments.some((f) => lowered.includes(f) || squeezed.includes(f));
}
