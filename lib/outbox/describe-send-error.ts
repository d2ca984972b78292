import "server-only";
const MAX_LENGTH = 200;

/**
 * A short, loggable reason for a failed send. URLs are blanked because provider URLs (SMTP_URL,
 * SMS_WEBHOOK_URL, DATABASE_URL) may carry credentials.
 */
export function describeSendError(error: unknown): string {
  const e = error as { code?: unknown; cause?: { code?: unknown } } | null;
  const code = e?.code ?? e?.cause?.code;
  const message = error instanceof Error ? error.message : String(error);
  const text = typeof code === "string" && !message.includes(code) ? `${code}: ${message}` : message;
  return text
    .replace(/[a-z][a-z0-9+.-]*:\/\/\S+/gi, "<url>")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, MAX_LENGTH);
}
