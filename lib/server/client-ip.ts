import "server-only";
import type { IncomingMessage } from "node:http";

/** Set by scripts/server.ts from the socket (or X-Forwarded-For under TRUST_PROXY); clients cannot set it. */
export const CLIENT_IP_HEADER = "x-qn-client-ip";

/**
 * The address a request came from. Only behind a trusted load balancer (TRUST_PROXY) is X-Forwarded-For
 * believed, and then only its last entry — the one our own balancer appended; earlier ones are client-supplied.
 */
export function clientIpOf(req: IncomingMessage, trustProxy: boolean): string | null {
  const socketIp = req.socket.remoteAddress ?? null;
  if (!trustProxy) return normalizeIp(socketIp);
  const forwarded = req.headers["x-forwarded-for"];
  const list = (Array.isArray(forwarded) ? forwarded.join(",") : (forwarded ?? "")).split(",");
  const last = list.map((s) => s.trim()).filter(Boolean).pop();
  return normalizeIp(last ?? socketIp);
}

function normalizeIp(ip: string | null): string | null {
  if (!ip) return null;
  return ip.startsWith("::ffff:") ? ip.slice(7) : ip;
}
