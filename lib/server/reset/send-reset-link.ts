import "server-only";
import { getConfig } from "@/lib/config";
import { getDb } from "@/lib/db";
import { enqueueEmail } from "@/lib/mail/enqueue-email";
import { secretSlot } from "@/lib/outbox/secret-slot";
import { hashIdentifier } from "@/lib/server/audit/hash-identifier";
import { recordSecurityEvent } from "@/lib/server/audit/record-security-event";
import { formatWalletTime } from "@/lib/format-wallet-time";
import { notificationTranslator } from "@/lib/server/notify/translator";
import { contextFromHeaders } from "@/lib/server/request-context";

export const RESET_LINK_TTL_S = 30 * 60;

type VerificationRequest = { identifier: string; token: string; expires: Date; request: Request };

/**
 * Auth.js's sendVerificationRequest for the email reset link. It never says whether the address has an
 * account: for an unknown one it sends nothing (so Auth.js can never create a user from a link). The link
 * opens our /reset-password page (built from APP_URL), whose button — not the GET — spends the token.
 */
export async function sendResetLink({ identifier, token, expires, request }: VerificationRequest): Promise<void> {
  const db = await getDb();
  const user = await db.selectFrom("users").select(["id", "locale", "email"]).where("email", "=", identifier).executeTakeFirst();
  const identifierHash = hashIdentifier(identifier);
  const context = contextFromHeaders(request.headers);
  await db.transaction().execute(async (trx) => {
    await recordSecurityEvent(trx, { type: "reset_requested", userId: user?.id, identifierHash, context, detail: { channel: "email" } });
    if (!user?.email) return;
    const { locale, t } = notificationTranslator(user.locale);
    const url = `${getConfig().APP_URL}/reset-password?${new URLSearchParams({ token, email: identifier })}`;
    const text = t("resetLink.email", { url: secretSlot("url"), until: formatWalletTime(expires.getTime(), locale), minutes: RESET_LINK_TTL_S / 60 });
    await enqueueEmail(trx, { to: user.email, subject: t("resetLink.subject"), text, secrets: { url }, kind: "reset_link", userId: user.id });
  });
}
