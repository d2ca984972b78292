import "server-only";
import { cookies } from "next/headers";
import type { Kysely } from "kysely";
import type { Database } from "@/lib/db/schema";
import { TRUSTED_BROWSER_COOKIE } from "@/lib/server/two-step/trusted-browser-cookie";
import { hashToken } from "@/lib/server/tokens";

/** The id of this browser's live trust record of this account, if its cookie holds one. */
export async function findThisTrustedBrowser(db: Kysely<Database>, { userId, now = Date.now() }: { userId: string; now?: number }): Promise<string | null> {
  const token = (await cookies()).get(TRUSTED_BROWSER_COOKIE)?.value;
  if (!token || token.length > 100) return null;
  const row = await db
    .selectFrom("trusted_browsers")
    .select("id")
    .where("token_hash", "=", hashToken(token))
    .where("user_id", "=", userId)
    .where("expires_at", ">", now)
    .executeTakeFirst();
  return row?.id ?? null;
}
