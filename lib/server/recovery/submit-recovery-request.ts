import "server-only";
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database, User } from "@/lib/db/schema";
import { normalizeIdentifier, type Identifier } from "@/lib/identifier/normalize-identifier";
import { hashIdentifier } from "@/lib/server/audit/hash-identifier";
import { recordSecurityEvent } from "@/lib/server/audit/record-security-event";
import type { CounterStore } from "@/lib/server/counters";
import { sealText } from "@/lib/server/crypto/secret-box";
import { verifyRecoveryCode } from "@/lib/server/one-time-codes/verify-one-time-code";
import { Refusal } from "@/lib/server/refusal";
import type { RequestContext } from "@/lib/server/request-context";
import { issueCaseReference } from "@/lib/server/support/issue-case-reference";
import { findUserByIdentifier } from "@/lib/server/users/find-user-by-identifier";
import { acceptIdPhoto } from "./accept-id-photo";
import { recoveryEvidenceKey } from "./evidence-key";
import { AMOUNT, REGISTRATION_MONTH, RECOVERY_REQUESTS_PER_CONTACT_PER_DAY, RECOVERY_REQUESTS_PER_IP_PER_DAY, RECOVERY_WINDOW_MS, recoveryKeys, sealContext, type RecoveryEvidence } from "./recovery-policy";

type RecoveryRequest = {
  db: Kysely<Database>;
  store: CounterStore;
  contact: Identifier;
  code: string;
  account: string;
  registrationMonth: string;
  amount: string;
  photo: Blob | null;
  context: RequestContext;
  now?: number;
};

function checkAnswers({ account, registrationMonth, amount }: Pick<RecoveryRequest, "account" | "registrationMonth" | "amount">) {
  if (account.trim() === "" || account.length > 256) throw new Refusal("recovery_account_required", { field: "account" });
  if (!REGISTRATION_MONTH.test(registrationMonth.trim())) throw new Refusal("recovery_month_invalid", { field: "registrationMonth" });
  if (!AMOUNT.test(amount.trim())) throw new Refusal("recovery_amount_invalid", { field: "amount" });
}

async function countRequest(store: CounterStore, key: string, limit: number, now: number) {
  const { count, resetAt } = await store.hit(key, RECOVERY_WINDOW_MS, now);
  if (count > limit) throw new Refusal("rate_limited", { until: resetAt });
}

/** Only an exact email or mobile number names an account: names are not unique, so matching them would guess. */
async function matchAccount(db: Kysely<Database>, account: string): Promise<User | undefined> {
  const identifier = normalizeIdentifier(account);
  return typeof identifier === "string" ? undefined : findUserByIdentifier(db, identifier);
}

async function freeReference(db: Kysely<Database>, now: number): Promise<string> {
  for (;;) {
    const reference = issueCaseReference(now);
    const taken = await db.selectFrom("recovery_requests").select("id").where("reference", "=", reference).executeTakeFirst();
    if (!taken) return reference;
  }
}

/**
 * Files an identity-proof recovery request and answers with its reference, the same whether or not the account
 * exists: both paths verify the code, re-encode the photo, seal the evidence and store a row (user_id null when no
 * account matched). Refusals: the answers' and photo's field codes, code_incorrect/code_invalid, rate_limited.
 */
export async function submitRecoveryRequest(request: RecoveryRequest): Promise<{ reference: string }> {
  const { db, store, contact, code, context, now = Date.now() } = request;
  checkAnswers(request);
  const contactHash = hashIdentifier(contact.value);
  if (context.ip) await countRequest(store, recoveryKeys.ip(context.ip), RECOVERY_REQUESTS_PER_IP_PER_DAY, now);
  await countRequest(store, recoveryKeys.contact(contactHash), RECOVERY_REQUESTS_PER_CONTACT_PER_DAY, now);
  const photo = await acceptIdPhoto(request.photo);
  await verifyRecoveryCode({ db, store, identifier: contact, code, context, now });

  const user = await matchAccount(db, request.account.trim());
  const id = randomUUID();
  const key = recoveryEvidenceKey();
  const evidence: RecoveryEvidence = { contact: contact.value, account: request.account.trim(), registrationMonth: request.registrationMonth.trim(), amount: request.amount.trim() };
  const evidenceSealed = sealText(JSON.stringify(evidence), { key, context: sealContext(id, "evidence") });
  const photoSealed = sealText(`${photo.mime};${photo.bytes.toString("base64")}`, { key, context: sealContext(id, "photo") });
  const reference = await freeReference(db, now);
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto("recovery_requests")
      .values({ id, reference, user_id: user?.id ?? null, contact_kind: contact.kind, contact_hash: contactHash, evidence_sealed: evidenceSealed, photo_sealed: photoSealed, created_at: now, decided_at: null, decided_by: null })
      .execute();
    await recordSecurityEvent(trx, { type: "recovery_requested", userId: user?.id, identifierHash: contactHash, context, now, detail: { reference } });
  });
  return { reference };
}
