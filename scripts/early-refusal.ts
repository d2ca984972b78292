import type { IncomingMessage, ServerResponse } from "node:http";
import type { Config } from "@/lib/config";
import { getDb } from "@/lib/db";
import { CLIENT_IP_HEADER } from "@/lib/server/client-ip";
import { getCounterStore } from "@/lib/server/counters";
import { CREDENTIALS_CALLBACK, EARLY_BODY_LIMIT, refuseEarly } from "@/lib/server/auth/refuse-early";
import { readBodyWithin } from "@/lib/server/http/read-body-within";
import { replayRequest } from "@/lib/server/http/replay-request";

type Handle = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/** Only small, sized form posts are read here; anything else streams to Next untouched. */
function isSmallPostToCallback(req: IncomingMessage): boolean {
  const length = Number(req.headers["content-length"]);
  return req.method === "POST" && req.url?.split("?")[0] === CREDENTIALS_CALLBACK && length > 0 && length <= EARLY_BODY_LIMIT;
}

/**
 * Wraps Next's handler: direct POSTs to the credentials callback for a paused identifier or a throttled
 * network are answered here (lib/server/auth/refuse-early.ts); everything else reaches Next unchanged.
 */
export async function withEarlyRefusal(config: Config, handle: Handle): Promise<Handle> {
  const db = await getDb();
  const store = await getCounterStore();
  return async (req, res) => {
    if (!isSmallPostToCallback(req)) return handle(req, res);
    const read = await readBodyWithin(req, EARLY_BODY_LIMIT);
    // The client is gone: nobody is waiting for an answer.
    if (read.kind !== "read") return;
    const body = read.body;
    const context = { ip: (req.headers[CLIENT_IP_HEADER] as string | undefined) ?? null, userAgent: req.headers["user-agent"]?.slice(0, 512) ?? null };
    const location = await refuseEarly(req, body, context, { db, store, config }).catch((error) => {
      console.error("early refusal check failed; Auth.js decides", error);
      return null;
    });
    if (location) {
      res.writeHead(302, { Location: location, "Cache-Control": "no-store" }).end();
      return;
    }
    return handle(replayRequest(req, body), res);
  };
}
