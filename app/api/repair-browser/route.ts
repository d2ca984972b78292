import { NextResponse, type NextRequest } from "next/server";
import { getConfig } from "@/lib/config";
import { getDb } from "@/lib/db";
import { listPortalCookies } from "@/lib/server/auth/portal-cookies";
import { readSessionCookie } from "@/lib/server/auth/session-cookie";
import { findThisTrustedBrowser } from "@/lib/server/devices/find-this-trusted-browser";
import { signOutDevice } from "@/lib/server/devices/sign-out-device";
import { Refusal } from "@/lib/server/refusal";
import { getRequestContext } from "@/lib/server/request-context";
import { signOutSession } from "@/lib/server/sessions/sign-out-session";

export const dynamic = "force-dynamic";

function ignoreRefusal(error: unknown): void {
  if (!(error instanceof Refusal)) throw error;
}

/**
 * "Repair this browser" (POST only; the HTTP edge refuses it from another site): signs this browser out and stops
 * trusting it, then asks it to drop everything the portal stored, and expires the portal's cookies by name for
 * browsers that do not.
 */
export async function POST(request: NextRequest) {
  const claims = await readSessionCookie();
  if (claims?.sid) {
    const db = await getDb();
    const context = await getRequestContext();
    const userId = await signOutSession(db, { secret: claims.sid, context, detail: { via: "repair_browser" } });
    // Its trust cookie is about to go: the record would stay in the device list with no browser behind it.
    const trusted = userId ? await findThisTrustedBrowser(db, { userId }) : null;
    // A record removed meanwhile (device list, another repair) is "not found": it is gone all the same.
    if (userId && trusted) await signOutDevice(db, { userId, currentSessionId: "", kind: "trusted_browser", id: trusted, context }).catch(ignoreRefusal);
  }
  const response = new NextResponse(null, {
    status: 303,
    headers: {
      Location: new URL("/sign-in?repaired=1", getConfig().APP_URL).toString(),
      "Clear-Site-Data": '"cache", "cookies", "storage"',
      "Cache-Control": "no-store",
    },
  });
  for (const name of listPortalCookies(request.cookies.getAll().map((c) => c.name))) {
    response.cookies.set(name, "", { path: "/", maxAge: 0, httpOnly: true, sameSite: "lax", secure: name.startsWith("__") });
  }
  return response;
}
