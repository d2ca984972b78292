import "server-only";
import type { Transaction } from "kysely";
import type { Database, User } from "@/lib/db/schema";
import { recordSecurityEvent, type SecurityEventType } from "@/lib/server/audit/record-security-event";
import type { RequestContext } from "@/lib/server/request-context";
import { sendTwoStepChanged, type TwoStepChange } from "./send-two-step-changed";

const EVENTS: Record<TwoStepChange, SecurityEventType> = {
  app_on: "two_step_app_enabled",
  app_off: "two_step_app_disabled",
  sms_on: "two_step_sms_enabled",
  sms_off: "two_step_sms_disabled",
  backup_codes: "backup_codes_generated",
};

type Change = { user: Pick<User, "id" | "email" | "mobile" | "locale">; change: TwoStepChange; context: RequestContext; now: number };

/** Every change to a second factor is audited and announced on every channel, in the transaction that makes it. */
export async function recordTwoStepChange(trx: Transaction<Database>, { user, change, context, now }: Change): Promise<void> {
  await recordSecurityEvent(trx, { type: EVENTS[change], userId: user.id, context, now });
  await sendTwoStepChanged(trx, { user, change, context, now });
}
