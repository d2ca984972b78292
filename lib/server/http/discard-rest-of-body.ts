import "server-only";
import type { IncomingMessage } from "node:http";

const LINGER_MS = 2_000;

/**
 * After an early answer, reads and drops what the client is still sending for a moment, so it gets to read the
 * answer instead of a reset connection; a client still sending after that is cut off.
 */
export function discardRestOfBody(req: IncomingMessage, lingerMs = LINGER_MS): void {
  if (req.complete) return;
  const timer = setTimeout(() => req.socket.destroy(), lingerMs).unref();
  req.once("end", () => clearTimeout(timer));
  req.once("close", () => clearTimeout(timer));
  req.on("error", () => clearTimeout(timer));
  req.resume();
}
