import { NextResponse, type NextRequest } from "next/server";
import { getConfig } from "@/lib/config";
import { getDb } from "@/lib/db";
import { listPortalCookies } from "@/lib/server/auth/portal-cookies";
import { readSessionCookie } from "@/lib/server/auth/session-cookie";
import { getRequestContext } from "@/lib/server/request-context";
import { signOutSession } from "@/lib/server/sessions/sign-out-session";

export const dynamic = "force-dynamic";

/**
 * "Repair this browser" (POST only; the HTTP edge refuses it from another site): signs this browser out, then asks
 * it to drop everything the portal stored, and expires the portal's cookies by name for browsers that do not.
 */
export async function POST(request: NextRequest) {
  const claims = await readSessionCookie();
  if (claims?.sid) {
    await signOutSession(await getDb(), { secret: claims.sid, context: await getRequestContext(), detail: { via: "repair_browser" } });
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
