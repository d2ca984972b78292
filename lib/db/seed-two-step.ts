import "server-only";
import type { Transaction } from "kysely";
import { hashBackupCode, normalizeBackupCode } from "@/lib/server/two-step/backup-code-policy";
import { sealTotpSecret } from "@/lib/server/two-step/totp-policy";
import type { Database } from "./schema";

/** Authenticator-app keys of the demo accounts (the README gives them, so anyone can add them to an app). */
export const DEMO_TOTP_SECRETS: Record<string, string> = {
  "2fa@qianneng.test": "KVKFKRCPNZQUYMLXOVYDSQKJKZDTSRLD",
  "agent@qianneng.test": "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP",
};

/** The backup codes of 2fa@qianneng.test; each works once until the next seed restores them. */
export const DEMO_BACKUP_CODES = [
  "qnfa2-bkup3",
  "qnfa2-bkup4",
  "qnfa2-bkup5",
  "qnfa2-bkup6",
  "qnfa2-bkup7",
  "qnfa2-bkup8",
  "qnfa2-bkup9",
  "qnfa2-bkupa",
  "qnfa2-bkupb",
  "qnfa2-bkupc",
];

type DemoTwoStep = { userId: string; email: string; sms: boolean; backupCodes: boolean; now: number };

/** Restores a demo account's second factors: its app (confirmed), SMS codes and backup codes as the README says. */
export async function seedDemoTwoStep(trx: Transaction<Database>, { userId, email, sms, backupCodes, now }: DemoTwoStep): Promise<void> {
  const secret = DEMO_TOTP_SECRETS[email];
  await trx.deleteFrom("totp_credentials").where("user_id", "=", userId).execute();
  await trx.deleteFrom("backup_codes").where("user_id", "=", userId).execute();
  if (secret) {
    await trx.insertInto("totp_credentials").values({ user_id: userId, secret_sealed: sealTotpSecret(secret, userId), created_at: now, confirmed_at: now }).execute();
  }
  await trx.updateTable("users").set({ sms_two_step_at: sms ? now : null }).where("id", "=", userId).execute();
  if (!backupCodes) return;
  await trx
    .insertInto("backup_codes")
    .values(DEMO_BACKUP_CODES.map((code, i) => ({ id: `${userId.slice(0, 24)}b${String(i).padStart(11, "0")}`, user_id: userId, code_hash: hashBackupCode(userId, normalizeBackupCode(code)!), created_at: now, used_at: null })))
    .execute();
}
