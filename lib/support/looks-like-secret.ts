// Shared by the support form (a warning as the user types) and the server (which asks for confirmation).
// Patterns only: a real password is never compared with what a user writes to support.
const CODE = /(?<!\d|\d[.,]|-)\d{6}(?!\d|[.,]\d|-)/;
const PASSWORD_SAID = /(password|passcode|pwd|密码|口令|验证码|code)\s*(is|was|=|:|：|是|为)\s*\S{4,}/i;

/** True when the text seems to contain a one-time code (six digits on their own) or a password spelled out. */
export function looksLikeSecret(text: string): boolean {
  return CODE.test(text) || PASSWORD_SAID.test(text);
}
