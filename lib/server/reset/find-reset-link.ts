import "server-only";
import { createHash } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "@/lib/db/schema";
import { getAuthSecret } from "@/lib/server/auth/auth-secret";

/** Auth.js stores sha256(token + secret) of a reset link; recomputed to look a link up, or to issue one it can spend. */
export function storedTokenHash(token: string): string {
  return createHash("sha256").update(`${token}${getAuthSecret()}`).digest("hex");
}

/** Is the email link still good? Checked before the reset page shows its button; looking never spends it. */
export async function isResetLinkValid(db: Kysely<Database>, { email, token, now = Date.now() }: { email: string; token: string; now?: number }): Promise<boolean> {
  const row = await db
    .selectFrom("verification_tokens")
    .select("expires")
    .where("identifier", "=", email)
    .where("token", "=", storedTokenHash(token))
    .executeTakeFirst();
  return row !== undefined && new Date(row.expires).getTime() > now;
}
