import "server-only";
import { getConfig } from "@/lib/config";

/** No ordinary form comes near it; Next's server actions are allowed more only for the routes below. */
export const BODY_LIMIT_BYTES = 1024 * 1024;

/** Routes whose forms carry an image (at most 5 MB) and the larger limit each gets; every other route keeps 1 MB. */
const ROUTE_BODY_LIMITS: Record<string, number> = { "/recover": 6 * 1024 * 1024 };

// The support forms (new ticket, reply) carry screenshots: every screenshot at its limit plus 1 MB of text.
const SUPPORT_FORM_PATH = /^\/support\/(new|QN-\d{4}-\d{6})$/;

/** The body limit for a request's path (the query string does not count). */
export function bodyLimitFor(url: string | undefined): number {
  const path = (url ?? "/").split("?")[0];
  if (SUPPORT_FORM_PATH.test(path)) {
    const { SUPPORT_MAX_ATTACHMENTS, SUPPORT_MAX_ATTACHMENT_BYTES } = getConfig();
    return SUPPORT_MAX_ATTACHMENTS * SUPPORT_MAX_ATTACHMENT_BYTES + BODY_LIMIT_BYTES;
  }
  return ROUTE_BODY_LIMITS[path] ?? BODY_LIMIT_BYTES;
}
