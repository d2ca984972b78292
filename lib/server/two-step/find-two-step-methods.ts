import "server-only";
import type { Kysely } from "kysely";
import type { Database } from "@/lib/db/schema";

export type TwoStepMethods = {
  /** An authenticator app whose enrolment was confirmed. */
  totp: boolean;
  /** Codes texted to the account's mobile. */
  sms: boolean;
  /** Unused backup codes left. */
  backupCodes: number;
  passkeys: number;
};

/** Which second factors an account has. Two-step verification is on when it has an app, SMS or a passkey. */
export async function findTwoStepMethods(db: Kysely<Database>, userId: string): Promise<TwoStepMethods> {
  const [user, totp, backup, passkeys] = await Promise.all([
    db.selectFrom("users").select(["sms_two_step_at", "mobile"]).where("id", "=", userId).executeTakeFirst(),
    db.selectFrom("totp_credentials").select("confirmed_at").where("user_id", "=", userId).executeTakeFirst(),
    db.selectFrom("backup_codes").select((eb) => eb.fn.countAll<number>().as("n")).where("user_id", "=", userId).where("used_at", "is", null).executeTakeFirst(),
    db.selectFrom("passkeys").select((eb) => eb.fn.countAll<number>().as("n")).where("user_id", "=", userId).executeTakeFirst(),
  ]);
  return {
    totp: totp?.confirmed_at != null,
    sms: user?.sms_two_step_at != null && Boolean(user.mobile),
    backupCodes: Number(backup?.n ?? 0),
    passkeys: Number(passkeys?.n ?? 0),
  };
}

export function hasTwoStep(methods: TwoStepMethods): boolean {
  return methods.totp || methods.sms || methods.passkeys > 0;
}
