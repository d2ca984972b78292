const MAX_LENGTH = 512;
// A path on this site: one leading slash not followed by another slash or a backslash (browsers read "//x"
// and "/\x" as another host), then printable ASCII only (no spaces, no control characters).
const SAME_SITE_PATH = /^\/(?![/\\])[\x21-\x7e]*$/;

function isSameSitePath(path: string): boolean {
  return path.length <= MAX_LENGTH && SAME_SITE_PATH.test(path);
}

/**
 * Where to send the browser back to: `value` when it is a path on this site, or the path and query of an
 * absolute URL on `origin`; anything else (another host, a scheme, control characters, not a string) gives `fallback`.
 */
export function safeReturnPath(value: unknown, fallback: string, origin?: string): string {
  if (typeof value !== "string" || value.length > MAX_LENGTH) return fallback;
  if (value.startsWith("/")) return isSameSitePath(value) ? value : fallback;
  if (!origin || /[\x00-\x20\x7f\\]/.test(value) || !URL.canParse(value)) return fallback;
  const url = new URL(value);
  if (url.origin !== new URL(origin).origin) return fallback;
  const path = `${url.pathname}${url.search}`;
  return isSameSitePath(path) ? path : fallback;
}
