import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import { getConfig } from "@/lib/config";
import { findBodyDefect } from "./find-body-defect";
import { isForeignOrigin } from "./is-foreign-origin";
import { isUnsafeMethod } from "./is-unsafe-method";
import { readBodyWithin } from "./read-body-within";
import { refuseRequest } from "./refuse-request";
import { replayRequest } from "./replay-request";
import { rewriteSessionCookies } from "./rewrite-session-cookies";

type Handle = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/** No form of this portal comes near it, except the support forms below. */
export const BODY_LIMIT_BYTES = 1024 * 1024;

// The support forms (new ticket, reply) carry screenshots; only their pages accept that much.
const SUPPORT_FORM_PATH = /^\/support\/(new|QN-\d{4}-\d{6})(\?|$)/;

/** The largest body a POST to this URL may have: every screenshot at its limit plus 1 MB of text. */
export function bodyLimitFor(url: string | undefined): number {
  if (!url || !SUPPORT_FORM_PATH.test(url)) return BODY_LIMIT_BYTES;
  const { SUPPORT_MAX_ATTACHMENTS, SUPPORT_MAX_ATTACHMENT_BYTES } = getConfig();
  return SUPPORT_MAX_ATTACHMENTS * SUPPORT_MAX_ATTACHMENT_BYTES + BODY_LIMIT_BYTES;
}

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
