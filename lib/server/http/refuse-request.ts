import "server-only";
import { STATUS_CODES, type IncomingMessage, type ServerResponse } from "node:http";
import { discardRestOfBody } from "./discard-rest-of-body";

/** Answers a request this layer will not pass on: a short status text, no stack, one log line. */
export function refuseRequest(req: IncomingMessage, res: ServerResponse, status: 400 | 403 | 413, reason: string): void {
  const path = (req.url ?? "").split("?")[0].slice(0, 200);
  console.warn(`[http] ${status} ${req.method} ${path}: ${reason}`);
  res.writeHead(status, { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" }).end(`${STATUS_CODES[status]}\n`);
  discardRestOfBody(req);
}
