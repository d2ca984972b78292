/** "demo@qianneng.test" → "d***o@qianneng.test"; keeps enough for the owner to recognise it. */
export function maskEmail(email: string): string {
  const [local, domain] = email.split("@");
  if (!local || !domain) return "***";
  const shown = local.length <= 2 ? `${local[0]}***` : `${local[0]}***${local[local.length - 1]}`;
  return `${shown}@${domain}`;
}

/** "+8613800138000" → "+86 138****8000"; other countries keep the last four digits. */
export function maskMobile(e164: string): string {
  if (e164.startsWith("+86") && e164.length === 14) {
    return `+86 ${e164.slice(3, 6)}****${e164.slice(-4)}`;
  }
  return `${e164.slice(0, 3)}****${e164.slice(-4)}`;
}
