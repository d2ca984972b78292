import "server-only";
import type { IncomingMessage } from "node:http";
import { Readable } from "node:stream";

/** The request again, body included, for Next.js once this layer has read it (a readable with the same head). */
export function replayRequest(req: IncomingMessage, body: Buffer): IncomingMessage {
  const { method, url, headers, rawHeaders, httpVersion, httpVersionMajor, httpVersionMinor, socket } = req;
  const copy = Object.assign(Readable.from([body]), { method, url, headers, rawHeaders, httpVersion, httpVersionMajor, httpVersionMinor, socket, connection: socket });
  return copy as unknown as IncomingMessage;
}
