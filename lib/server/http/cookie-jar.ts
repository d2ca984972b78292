import "server-only";

export type CookieOptions = { httpOnly?: boolean; sameSite?: "lax" | "strict"; secure?: boolean; path?: string; maxAge?: number; expires?: Date };

/** The cookies a piece of the sign-in reads from the request and sets on the response, wherever it runs. */
export type CookieJar = {
  get(name: string): string | undefined;
  set(name: string, value: string, options: CookieOptions): void;
};

/** The jar of the request Next.js is handling (pages, server actions, route handlers, Auth.js's callbacks). */
export async function requestCookieJar(): Promise<CookieJar> {
  // Loaded when used: the credentials fast path imports this module in a process where Next.js has not set up its
  // request scope yet, and next/headers cannot even be loaded there.
  const { cookies } = await import("next/headers");
  const jar = await cookies();
  return { get: (name) => jar.get(name)?.value, set: (name, value, options) => void jar.set(name, value, options) };
}

/**
 * Values of a Cookie header by name, read as Auth.js reads its own cookies (the first of a repeated name wins, a
 * value that is not valid percent-encoding is kept as sent). The fast path reads Auth.js's CSRF and callback-url
 * cookies, and the device cookie, which a browser sends once.
 */
export function parseCookieHeader(header: string | undefined): Map<string, string> {
  const values = new Map<string, string>();
  for (const part of (header ?? "").split(";")) {
    const at = part.indexOf("=");
    const name = part.slice(0, Math.max(at, 0)).trim();
    if (!name || values.has(name)) continue;
    const raw = part.slice(at + 1).trim();
    try {
      values.set(name, decodeURIComponent(raw));
    } catch {
      values.set(name, raw);
    }
  }
  return values;
}

export function serializeCookie(name: string, value: string, options: CookieOptions): string {
  const parts = [`${name}=${encodeURIComponent(value)}`, `Path=${options.path ?? "/"}`];
  if (options.expires) parts.push(`Expires=${options.expires.toUTCString()}`);
  if (options.maxAge !== undefined) parts.push(`Max-Age=${Math.floor(options.maxAge)}`);
  if (options.httpOnly) parts.push("HttpOnly");
  if (options.secure) parts.push("Secure");
  if (options.sameSite) parts.push(`SameSite=${options.sameSite === "lax" ? "Lax" : "Strict"}`);
  return parts.join("; ");
}

/** A jar over a raw Cookie header that collects what is set as Set-Cookie values (for handlers outside Next.js). */
export function headerCookieJar(header: string | undefined): CookieJar & { setCookies: string[] } {
  const values = parseCookieHeader(header);
  const setCookies: string[] = [];
  return {
    setCookies,
    get: (name) => values.get(name),
    set(name, value, options) {
      values.set(name, value);
      setCookies.push(serializeCookie(name, value, options));
    },
  };
}
