import "server-only";
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import { newNonce } from "@/lib/security/content-security-policy";
import { readSignInIncidentState } from "./read-sign-in-incident-state";
import { gzipWithNonce, plainWithNonce, splitAtNonce, type NoncedBody } from "./gzip-with-nonce";
import { acceptsGzip, readSignInPageRequest } from "./sign-in-page-request";
import { teeResponse, type TeedResponse } from "./tee-response";

type Handle = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

type Entry = { storedAt: number; nonce: string; headers: [string, string | string[]][]; body: NoncedBody };

export type SignInPageCacheOptions = {
  /** What decides the incident banner and the failure note: the open sign-in incidents, as a string. Read per request. */
  readIncidentState?: () => Promise<string>;
  maxEntries?: number;
  maxAgeMs?: number;
  now?: () => number;
};

// Set by Next on every response, or per visitor (cookies): never replayed from the cache.
const NOT_KEPT = new Set(["set-cookie", "content-length", "content-encoding", "transfer-encoding", "date", "connection", "keep-alive"]);

function nonceOf(headers: OutgoingHttpHeaders): string | null {
  const csp = headers["content-security-policy"];
  return typeof csp === "string" ? (/'nonce-([A-Za-z0-9+/=]{16,})'/.exec(csp)?.[1] ?? null) : null;
}

/** Only a whole, plain HTML 200 whose nonce we can find is kept; anything else (a redirect, an error) is not. */
function entryOf(teed: TeedResponse, storedAt: number, locale: string): Entry | null {
  const nonce = nonceOf(teed.headers);
  const type = teed.headers["content-type"];
  if (teed.status !== 200 || !nonce || typeof type !== "string" || !type.startsWith("text/html") || teed.headers["content-encoding"]) return null;
  // Kept under a locale only if Next rendered that locale: a request read differently here cannot poison the key.
  if (!teed.body.subarray(0, 2048).toString("latin1").includes(`<html lang="${locale}"`)) return null;
  const headers = Object.entries(teed.headers)
    .filter(([name, value]) => !NOT_KEPT.has(name) && value !== undefined)
    .map(([name, value]): [string, string | string[]] => [name, Array.isArray(value) ? value.map(String) : String(value)]);
  return { storedAt, nonce, headers, body: splitAtNonce(teed.body, nonce) };
}

function send(req: IncomingMessage, res: ServerResponse, entry: Entry): void {
  const nonce = newNonce();
  const swap = (value: string) => value.split(entry.nonce).join(nonce);
  const gzip = acceptsGzip(req.headers);
  const body = gzip ? gzipWithNonce(entry.body, nonce) : plainWithNonce(entry.body, nonce);
  const headers: OutgoingHttpHeaders = Object.fromEntries(entry.headers.map(([name, value]) => [name, Array.isArray(value) ? value.map(swap) : swap(value)]));
  if (gzip) headers["content-encoding"] = "gzip";
  headers["content-length"] = body.length;
  res.writeHead(200, headers).end(body);
}

/**
 * GET /sign-in for a browser without a session is the same page for everyone with the same locale, query string
 * and open incidents: the first such request is rendered by Next and its HTML kept in this process; the next ones
 * get that HTML with a fresh CSP nonce (every nonce Next wrote is replaced, in the body and the headers), so each
 * response still has its own nonce. The incidents are read on every request and are part of the key: an incident
 * shows as soon as it is opened, on every process and instance. Each process keeps its own entries (one build),
 * which never outlive `maxAgeMs`. Visitors' cookies are never kept or replayed.
 */
export function withSignInPageCache(handle: Handle, options: SignInPageCacheOptions = {}): Handle {
  const { readIncidentState = readSignInIncidentState, maxEntries = 32, maxAgeMs = 60_000, now = Date.now } = options;
  const entries = new Map<string, Entry>();
  return async (req, res) => {
    const page = readSignInPageRequest(req.method, req.url, req.headers);
    if (!page) return handle(req, res);
    const incidents = await readIncidentState().catch(() => null);
    // The database did not answer: Next renders (and reports) as it would without this layer.
    if (incidents === null) return handle(req, res);
    const key = `${page.locale}\n${page.protocol}\n${page.search}\n${incidents}`;
    const entry = entries.get(key);
    if (entry && now() - entry.storedAt < maxAgeMs) return send(req, res, entry);
    entries.delete(key);
    // Rendered uncompressed this once, so that the kept copy is plain HTML whose nonces can be found.
    delete req.headers["accept-encoding"];
    teeResponse(res, (teed) => {
      const kept = teed && entryOf(teed, now(), page.locale);
      if (!kept) return;
      entries.set(key, kept);
      if (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
    });
    return handle(req, res);
  };
}
