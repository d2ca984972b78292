import "server-only";

/** The cookie of a browser trusted to skip the second step; it holds a random token whose hash is the row's. */
export const TRUSTED_BROWSER_COOKIE = "qn-trusted";
export const TRUSTED_BROWSER_MS = 30 * 86_400_000;

/** The token in a Cookie header, if this browser carries one. */
export function trustedBrowserToken(cookieHeader: string | null): string | null {
  for (const part of (cookieHeader ?? "").split(";")) {
    const [name, ...value] = part.trim().split("=");
    if (name !== TRUSTED_BROWSER_COOKIE) continue;
    try {
      return decodeURIComponent(value.join("=")) || null;
    } catch {
      return null; // not a value this server set
    }
  }
  return null;
}
