import "server-only";
import { randomUUID } from "node:crypto";
import { cookies } from "next/headers";
import type { Kysely } from "kysely";
import { getConfig } from "@/lib/config";
import type { Database } from "@/lib/db/schema";
import { recordSecurityEvent } from "@/lib/server/audit/record-security-event";
import type { RequestContext } from "@/lib/server/request-context";
import { newToken } from "@/lib/server/tokens";
import { TRUSTED_BROWSER_COOKIE, TRUSTED_BROWSER_MS } from "./trusted-browser-cookie";

/**
 * "Trust this browser for 30 days": a revocable record (listed with the account's devices) and a cookie on this
 * browser only. Set from inside the sign-in that just proved the second factor.
 */
export async function trustBrowser(db: Kysely<Database>, { userId, context, now = Date.now() }: { userId: string; context: RequestContext; now?: number }): Promise<void> {
  const { token, hash } = newToken();
  await db
    .insertInto("trusted_browsers")
    .values({ id: randomUUID(), user_id: userId, token_hash: hash, ip: context.ip, user_agent: context.userAgent, created_at: now, last_used_at: now, expires_at: now + TRUSTED_BROWSER_MS })
    .execute();
  await recordSecurityEvent(db, { type: "browser_trusted", userId, context, now });
  (await cookies()).set(TRUSTED_BROWSER_COOKIE, token, {
    httpOnly: true,
    sameSite: "lax",
    secure: getConfig().APP_URL.startsWith("https:"),
    path: "/",
    maxAge: TRUSTED_BROWSER_MS / 1000,
  });
}
