// Auth.js gives every session cookie one lifetime: this prefix on the encrypted token tells the HTTP layer
// which cookies must end with the browser instead. Encrypted tokens start with "eyJ", so neither prefix is ambiguous.
const BROWSER_SESSION = "b.";
const PERSISTENT = "p.";

/** The token as it goes into the cookie, saying whether it may outlive the browser session. */
export function markSessionToken(token: string, persistent: boolean): string {
  return `${persistent ? PERSISTENT : BROWSER_SESSION}${token}`;
}

/** The token without its marker (tokens issued before markers existed pass unchanged). */
export function unmarkSessionToken(value: string): string {
  return value.startsWith(BROWSER_SESSION) || value.startsWith(PERSISTENT) ? value.slice(2) : value;
}

export function isBrowserSessionToken(value: string): boolean {
  return value.startsWith(BROWSER_SESSION);
}
