import "server-only";
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "@/lib/db/schema";
import { BACKUP_CODE_COUNT, hashBackupCode, newBackupCode, normalizeBackupCode } from "./backup-code-policy";
import { recordTwoStepChange } from "./record-two-step-change";
import { requireRecentProof } from "./recent-proof";
import type { TwoStepActor } from "./two-step-actor";

/** A new set of ten codes replaces the old one (used or not); the codes are returned once and only their hashes kept. */
export async function regenerateBackupCodes(db: Kysely<Database>, { user, session, context, now = Date.now() }: TwoStepActor & { now?: number }): Promise<string[]> {
  requireRecentProof(session, now);
  const codes = Array.from({ length: BACKUP_CODE_COUNT }, newBackupCode);
  const rows = codes.map((code) => ({ id: randomUUID(), user_id: user.id, code_hash: hashBackupCode(user.id, normalizeBackupCode(code)!), created_at: now, used_at: null }));
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom("backup_codes").where("user_id", "=", user.id).execute();
    await trx.insertInto("backup_codes").values(rows).execute();
    await recordTwoStepChange(trx, { user, change: "backup_codes", context, now });
  });
  return codes;
}
