import type { Transaction } from "kysely";
import type { Database, User } from "@/lib/db/schema";
import type { Identifier } from "@/lib/identifier/normalize-identifier";
import { enqueueEmail } from "@/lib/mail/enqueue-email";
import { notificationTranslator } from "@/lib/server/notify/translator";
import { enqueueSms } from "@/lib/sms/enqueue-sms";
import { STATUS_CODE_TTL_MS } from "./status-code-policy";

type Delivery = { user: Pick<User, "id" | "locale">; identifier: Identifier; code: string; now: number };

/** Queues the code to the channel the owner typed (their registered email or mobile), in their language. */
export async function sendStatusCode(trx: Transaction<Database>, { user, identifier, code, now }: Delivery): Promise<void> {
  const { t } = notificationTranslator(user.locale);
  const values = { code, minutes: STATUS_CODE_TTL_MS / 60_000 };
  if (identifier.kind === "email") {
    const email = { to: identifier.value, subject: t("statusCode.subject"), text: t("statusCode.email", values) };
    await enqueueEmail(trx, { ...email, kind: "status_code", userId: user.id, now });
    return;
  }
  await enqueueSms(trx, { to: identifier.value, text: t("statusCode.sms", values), kind: "status_code", userId: user.id, now });
}
