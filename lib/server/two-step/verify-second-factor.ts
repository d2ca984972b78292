import "server-only";
import type { Kysely } from "kysely";
import type { Database, User } from "@/lib/db/schema";
import type { AssertionPurpose } from "@/lib/server/passkeys/create-passkey-options";
import type { CounterStore } from "@/lib/server/counters";
import { verifyPasskeyAssertion } from "@/lib/server/passkeys/verify-passkey-assertion";
import { Refusal } from "@/lib/server/refusal";
import type { RequestContext } from "@/lib/server/request-context";
import { consumeBackupCode } from "./consume-backup-code";
import { verifySignInCode } from "./verify-sign-in-code";
import { verifyTotpCode } from "./verify-totp-code";

export const SECOND_FACTOR_METHODS = ["totp", "sms", "backup", "passkey"] as const;
export type SecondFactorMethod = (typeof SECOND_FACTOR_METHODS)[number];

type Attempt = {
  db: Kysely<Database>;
  store: CounterStore;
  user: User;
  method: SecondFactorMethod;
  /** The code typed (app, SMS or backup code). */
  code?: string;
  /** A passkey's assertion, as JSON. */
  response?: string;
  purpose: AssertionPurpose;
  context: RequestContext;
  now: number;
};

/** Is this second factor of this account right? Each kind spends what it checks (a step, a code, a challenge). */
export async function verifySecondFactor({ db, store, user, method, code = "", response = "", purpose, context, now }: Attempt): Promise<boolean> {
  if (method === "totp") return verifyTotpCode(db, { userId: user.id, code, now });
  if (method === "backup") return consumeBackupCode(db, { userId: user.id, code, now });
  if (method === "sms") return verifySignInCode({ db, store, user, code, context, now });
  try {
    await verifyPasskeyAssertion(db, { response: JSON.parse(response), userId: user.id, purpose, now });
    return true;
  } catch (error) {
    if (error instanceof Refusal || error instanceof SyntaxError) return false;
    throw error;
  }
}
