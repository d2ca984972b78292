import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import { bodyLimitFor } from "./body-limit-for";
import { findBodyDefect } from "./find-body-defect";
import { isForeignOrigin } from "./is-foreign-origin";
import { isUnsafeMethod } from "./is-unsafe-method";
import { readBodyWithin } from "./read-body-within";
import { refuseRequest } from "./refuse-request";
import { replayRequest } from "./replay-request";
import { rewriteSessionCookies } from "./rewrite-session-cookies";

type Handle = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

function hasBody(req: IncomingMessage): boolean {
  return isUnsafeMethod(req.method) && (req.headers["content-length"] !== undefined || req.headers["transfer-encoding"] !== undefined);
}

/**
 * The HTTP edge in front of Next.js: refuses cross-site writes (403), oversized bodies (413) and bodies Next
 * cannot read (400) with one log line instead of a 500 and a stack, and keeps browser-session cookies so.
 */
export function withHttpGuards(appUrl: string, handle: Handle): Handle {
  const appOrigin = new URL(appUrl).origin;
  return async (req, res) => {
    rewriteSessionCookies(res);
    if (isForeignOrigin(req.method, req.headers.origin, appOrigin)) return refuseRequest(req, res, 403, "foreign origin");
    if (!hasBody(req)) return handle(req, res);
    const limit = bodyLimitFor(req.url);
    if (Number(req.headers["content-length"]) > limit) return refuseRequest(req, res, 413, "body over the limit");
    const read = await readBodyWithin(req, limit);
    // The client is gone: nobody is waiting for an answer.
    if (read.kind === "aborted") return;
    if (read.kind === "too-large") return refuseRequest(req, res, 413, "body over the limit");
    const defect = await findBodyDefect(req.headers, read.body);
    if (defect) return refuseRequest(req, res, 400, defect);
    return handle(replayRequest(req, read.body), res);
  };
}
