import "server-only";
import { CLIENT_IP_HEADER } from "./client-ip";

export type RequestContext = { ip: string | null; userAgent: string | null };

export function contextFromHeaders(h: Headers): RequestContext {
  return {
    ip: h.get(CLIENT_IP_HEADER) ?? null,
    userAgent: h.get("user-agent")?.slice(0, 512) ?? null,
  };
}

/** The client IP and user agent of the request being handled (server components, actions, route handlers). */
export async function getRequestContext(): Promise<RequestContext> {
  // Loaded when used, like requestCookieJar(): this module is also part of the credentials fast path.
  const { headers } = await import("next/headers");
  return contextFromHeaders(await headers());
}
