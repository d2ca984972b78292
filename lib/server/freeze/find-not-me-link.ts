import "server-only";
import type { Kysely } from "kysely";
import type { Database } from "@/lib/db/schema";
import { maskEmail, maskMobile } from "@/lib/identifier/mask-identifier";
import { peekNotMeToken } from "@/lib/server/alerts/not-me-tokens";
import { SECURITY_ALERTS, type SecurityAlert } from "@/lib/server/alerts/send-security-alert";

/** What the confirmation page shows for a live "not me" link: which alert it came with and whose account (masked). */
export async function findNotMeLink(db: Kysely<Database>, token: string, now = Date.now()): Promise<{ alert: SecurityAlert | "other"; who: string } | null> {
  const found = await peekNotMeToken(db, token, now);
  if (!found) return null;
  const user = await db.selectFrom("users").select(["email", "mobile"]).where("id", "=", found.userId).executeTakeFirst();
  if (!user) return null;
  const who = [user.email && maskEmail(user.email), user.mobile && maskMobile(user.mobile)].filter(Boolean).join(" · ");
  return { alert: found.alert in SECURITY_ALERTS ? (found.alert as SecurityAlert) : "other", who };
}
