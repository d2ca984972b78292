import "server-only";
import type { Kysely } from "kysely";
import type { Database } from "@/lib/db/schema";
import { hashBackupCode, normalizeBackupCode } from "./backup-code-policy";

type BackupCodeAttempt = { userId: string; code: string; now?: number };

/** True once for each of the account's unused backup codes: spent in the statement that decides, so concurrent copies give one true. */
export async function consumeBackupCode(db: Kysely<Database>, { userId, code, now = Date.now() }: BackupCodeAttempt): Promise<boolean> {
  const normalized = normalizeBackupCode(code);
  if (!normalized) return false;
  const spent = await db
    .updateTable("backup_codes")
    .set({ used_at: now })
    .where("user_id", "=", userId)
    .where("code_hash", "=", hashBackupCode(userId, normalized))
    .where("used_at", "is", null)
    .returning("id")
    .executeTakeFirst();
  return spent !== undefined;
}
