import "server-only";
import type { Transaction } from "kysely";
import type { CodePurpose, Database, User } from "@/lib/db/schema";
import type { Identifier } from "@/lib/identifier/normalize-identifier";
import { enqueueEmail } from "@/lib/mail/enqueue-email";
import { secretSlot } from "@/lib/outbox/secret-slot";
import { notificationTranslator } from "@/lib/server/notify/translator";
import { enqueueSms } from "@/lib/sms/enqueue-sms";
import { oneTimeCodeTtlMs } from "./one-time-code-policy";

/** `user.id` is null for a recovery code: the new contact it goes to belongs to no account (yet). */
type Delivery = { user: { id: string | null; locale: User["locale"] }; identifier: Identifier; code: string; purpose: CodePurpose; now: number };

const MESSAGES: Record<CodePurpose, { texts: "statusCode" | "resetCode" | "signInCode" | "unfreezeCode" | "recoveryCode"; kind: string }> = {
  status: { texts: "statusCode", kind: "status_code" },
  reset: { texts: "resetCode", kind: "reset_code" },
  sign_in: { texts: "signInCode", kind: "sign_in_code" },
  unfreeze: { texts: "unfreezeCode", kind: "unfreeze_code" },
  recovery: { texts: "recoveryCode", kind: "recovery_code" },
};

/** Queues the code to the channel typed (the owner's registered email or mobile, or a recovery's new contact), in their language. */
export async function sendOneTimeCode(trx: Transaction<Database>, { user, identifier, code, purpose, now }: Delivery): Promise<void> {
  const { t } = notificationTranslator(user.locale);
  const values = { code: secretSlot("code"), minutes: oneTimeCodeTtlMs(purpose) / 60_000 };
  const { texts, kind } = MESSAGES[purpose];
  if (identifier.kind === "email") {
    const email = { to: identifier.value, subject: t(`${texts}.subject`), text: t(`${texts}.email`, values) };
    await enqueueEmail(trx, { ...email, secrets: { code }, kind, userId: user.id, now });
    return;
  }
  await enqueueSms(trx, { to: identifier.value, text: t(`${texts}.sms`, values), secrets: { code }, kind, userId: user.id, now });
}
