import "server-only";
import type { Kysely } from "kysely";
import type { Database, User } from "@/lib/db/schema";
import type { CounterStore } from "@/lib/server/counters";
import { verifyOneTimeCode } from "@/lib/server/one-time-codes/verify-one-time-code";
import { Refusal } from "@/lib/server/refusal";
import type { RequestContext } from "@/lib/server/request-context";
import { normalizeTotpCode } from "./totp-policy";

type SignInCodeAttempt = {
  db: Kysely<Database>;
  store: CounterStore;
  user: Pick<User, "id" | "mobile">;
  code: string;
  context: RequestContext;
  now?: number;
};

/**
 * True once for the live code texted by sendSignInCode. A wrong, expired, used or malformed code is false (five
 * wrong tries void the code); only a per-IP limit ("rate_limited") is thrown, for the caller to show.
 */
export async function verifySignInCode({ db, store, user, code, context, now = Date.now() }: SignInCodeAttempt): Promise<boolean> {
  if (!user.mobile) return false;
  try {
    const { userId } = await verifyOneTimeCode({ db, store, identifier: { kind: "mobile", value: user.mobile }, code: normalizeTotpCode(code) ?? "", context, purpose: "sign_in", now });
    return userId === user.id;
  } catch (error) {
    if (error instanceof Refusal && (error.code === "code_incorrect" || error.code === "code_invalid")) return false;
    throw error;
  }
}
