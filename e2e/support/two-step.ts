// Second factors written straight into the e2e server's database, sealed and hashed with the server's own secret.
import { randomUUID } from "node:crypto";
import { generate, generateSecret } from "otplib";
import { e2eDb } from "./accounts";

// The server's AUTH_SECRET (playwright.config.ts), so that what is sealed here opens there.
process.env.AUTH_SECRET ??= process.env.E2E_AUTH_SECRET;

export type TwoStepSetup = { totp?: boolean; sms?: boolean; backupCodes?: string[] };

/** Turns on the given second factors for an account; returns the app's secret when one was added. */
export async function enableTwoStep(userId: string, setup: TwoStepSetup): Promise<{ secret: string }> {
  const [{ sealTotpSecret }, { hashBackupCode, normalizeBackupCode }] = await Promise.all([
    import("@/lib/server/two-step/totp-policy"),
    import("@/lib/server/two-step/backup-code-policy"),
  ]);
  const db = await e2eDb();
  const now = Date.now();
  const secret = generateSecret({ length: 20 });
  if (setup.totp) await db.insertInto("totp_credentials").values({ user_id: userId, secret_sealed: sealTotpSecret(secret, userId), created_at: now, confirmed_at: now }).execute();
  if (setup.sms) await db.updateTable("users").set({ sms_two_step_at: now }).where("id", "=", userId).execute();
  for (const code of setup.backupCodes ?? []) {
    await db.insertInto("backup_codes").values({ id: randomUUID(), user_id: userId, code_hash: hashBackupCode(userId, normalizeBackupCode(code)!), created_at: now, used_at: null }).execute();
  }
  return { secret };
}

/** The app's code for the next 30-second step: accepted (one step of drift) and never the one just used. */
export function nextTotpCode(secret: string): Promise<string> {
  return generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 });
}
