import "server-only";
import type { Kysely } from "kysely";
import type { Database } from "@/lib/db/schema";
import { WALLET_TIME_ZONE } from "@/lib/format-wallet-time";
import { openRecoveryEvidence } from "./open-recovery-evidence";

/** A transaction counts as recent within this many days before the request. */
export const RECENT_TRANSACTION_DAYS = 90;
const monthFormat = new Intl.DateTimeFormat("en-CA", { year: "numeric", month: "2-digit", timeZone: WALLET_TIME_ZONE });

export type AnswerCheck = { registrationMonth: boolean; amount: boolean } | null;

/**
 * For the agent: does the registration month (Beijing time) match the account's, and did the account have a
 * transaction of that amount (either direction) in the 90 days before the request? Null: no account matched or
 * the evidence is past retention.
 */
export async function checkRecoveryAnswers(db: Kysely<Database>, requestId: string): Promise<AnswerCheck> {
  const row = await db.selectFrom("recovery_requests").select(["id", "user_id", "evidence_sealed", "created_at"]).where("id", "=", requestId).executeTakeFirst();
  const evidence = row ? openRecoveryEvidence(row) : null;
  if (!row?.user_id || !evidence) return null;
  const user = await db.selectFrom("users").select("created_at").where("id", "=", row.user_id).executeTakeFirstOrThrow();
  const cents = Math.round(Number(evidence.amount) * 100);
  const createdAt = Number(row.created_at);
  const match = await db
    .selectFrom("transactions")
    .select("id")
    .where("user_id", "=", row.user_id)
    .where((eb) => eb.or([eb("amount_cents", "=", cents), eb("amount_cents", "=", -cents)]))
    .where("occurred_at", ">=", createdAt - RECENT_TRANSACTION_DAYS * 86_400_000)
    .where("occurred_at", "<=", createdAt)
    .limit(1)
    .executeTakeFirst();
  return { registrationMonth: monthFormat.format(Number(user.created_at)).slice(0, 7) === evidence.registrationMonth, amount: match !== undefined };
}
