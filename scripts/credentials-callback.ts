import type { IncomingMessage, ServerResponse } from "node:http";
import type { Config } from "@/lib/config";
import { getDb } from "@/lib/db";
import { answerCredentialsPost, answerCsrfRequest, CREDENTIALS_CALLBACK, CSRF_ENDPOINT, FAST_PATH_BODY_LIMIT } from "@/lib/server/auth/credentials-fast-path";
import { readBodyWithin } from "@/lib/server/http/read-body-within";
import { replayRequest } from "@/lib/server/http/replay-request";
import { SECURITY_HEADERS } from "@/lib/security/security-headers.js";

type Handle = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/** Only small, sized form posts are read here; anything else streams to Next untouched. */
function isSmallPostToCallback(req: IncomingMessage): boolean {
  const length = Number(req.headers["content-length"]);
  // With a query string (Auth.js would read a callbackUrl from it), Auth.js answers.
  return req.method === "POST" && req.url === CREDENTIALS_CALLBACK && length > 0 && length <= FAST_PATH_BODY_LIMIT;
}

/**
 * Wraps Next's handler: the CSRF token a sign-in needs and a password sign-in posted to the credentials callback
 * are answered here, through the same rules and with the same cookies as Auth.js
 * (lib/server/auth/credentials-fast-path.ts), at a fraction of the framework's cost per request — under a
 * credential-stuffing wave every refusal and sign-in counts. Whatever the fast path does not answer reaches Next
 * and Auth.js unchanged.
 */
export async function withCredentialsFastPath(config: Config, handle: Handle): Promise<Handle> {
  const db = await getDb();
  const security = Object.fromEntries(SECURITY_HEADERS.map(({ key, value }) => [key, value]));
  return async (req, res) => {
    if (req.method === "GET" && req.url?.split("?")[0] === CSRF_ENDPOINT) {
      const csrf = answerCsrfRequest(config, req.headers, new URLSearchParams(req.url.split("?")[1] ?? ""));
      if (!csrf) return handle(req, res);
      res.writeHead(200, { ...security, ...csrf.headers, ...(csrf.setCookies.length ? { "Set-Cookie": csrf.setCookies } : {}) }).end(csrf.body);
      return;
    }
    if (!isSmallPostToCallback(req)) return handle(req, res);
    const read = await readBodyWithin(req, FAST_PATH_BODY_LIMIT);
    // The client is gone: nobody is waiting for an answer.
    if (read.kind !== "read") return;
    const answer = await answerCredentialsPost(db, config, req.headers, read.body);
    if (!answer) return handle(replayRequest(req, read.body), res);
    try {
      res.writeHead(302, { ...security, Location: answer.location, "Cache-Control": "no-store", ...(answer.setCookies.length ? { "Set-Cookie": answer.setCookies } : {}) }).end();
    } catch (error) {
      // Never a hung request: the attempt is recorded; the visitor is sent to the sign-in page's general error.
      console.error("[auth] the sign-in answer could not be written", error);
      if (!res.headersSent) res.writeHead(302, { ...security, Location: `${config.APP_URL}/sign-in?error=Configuration`, "Cache-Control": "no-store" }).end();
    }
  };
}
