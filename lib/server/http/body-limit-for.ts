import "server-only";

/** No ordinary form comes near it; Next's server actions are allowed more only for the routes below. */
export const BODY_LIMIT_BYTES = 1024 * 1024;

/** Routes whose forms carry an image (at most 5 MB) and the larger limit each gets; every other route keeps 1 MB. */
const ROUTE_BODY_LIMITS: Record<string, number> = { "/recover": 6 * 1024 * 1024 };

/** The body limit for a request's path (the query string does not count). */
export function bodyLimitFor(url: string | undefined): number {
  const path = (url ?? "/").split("?")[0];
  return ROUTE_BODY_LIMITS[path] ?? BODY_LIMIT_BYTES;
}
