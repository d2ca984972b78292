import "server-only";
import type { Transaction } from "kysely";
import type { CodePurpose, Database, User } from "@/lib/db/schema";
import type { Identifier } from "@/lib/identifier/normalize-identifier";
import { enqueueEmail } from "@/lib/mail/enqueue-email";
import { secretSlot } from "@/lib/outbox/secret-slot";
import { notificationTranslator } from "@/lib/server/notify/translator";
import { enqueueSms } from "@/lib/sms/enqueue-sms";
import { oneTimeCodeTtlMs } from "./one-time-code-policy";

type Delivery = { user: Pick<User, "id" | "locale">; identifier: Identifier; code: string; purpose: CodePurpose; now: number };

const MESSAGES: Record<CodePurpose, { texts: "statusCode" | "resetCode" | "signInCode" | "unfreezeCode"; kind: string }> = {
  status: { texts: "statusCode", kind: "status_code" },
  reset: { texts: "resetCode", kind: "reset_code" },
  sign_in: { texts: "signInCode", kind: "sign_in_code" },
  unfreeze: { texts: "unfreezeCode", kind: "unfreeze_code" },
};

/** Queues the code to the channel the owner typed (their registered email or mobile), in their language. */
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
