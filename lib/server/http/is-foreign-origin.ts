import "server-only";
import { isUnsafeMethod } from "./is-unsafe-method";

/**
 * A browser sends Origin with every POST: when it names another site than the portal's, that page is trying to
 * act on the user's behalf. Requests without Origin (curl, old clients) carry no cookies by accident and pass.
 */
export function isForeignOrigin(method: string | undefined, origin: string | undefined, appOrigin: string): boolean {
  return isUnsafeMethod(method) && origin !== undefined && origin !== appOrigin;
}
