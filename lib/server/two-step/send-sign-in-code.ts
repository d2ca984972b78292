import "server-only";
import type { Kysely } from "kysely";
import type { Database, User } from "@/lib/db/schema";
import type { CounterStore } from "@/lib/server/counters";
import { requestOneTimeCode } from "@/lib/server/one-time-codes/request-one-time-code";
import { Refusal } from "@/lib/server/refusal";
import type { RequestContext } from "@/lib/server/request-context";

type SignInCodeRequest = {
  db: Kysely<Database>;
  store: CounterStore;
  user: Pick<User, "id" | "mobile">;
  context: RequestContext;
  now?: number;
};

/**
 * Texts a 6-digit sign-in code (5 minutes, 5 tries) to the account's mobile; a new one voids the last, at most one
 * a minute. Refusals: "mobile_required" (no mobile on the account), "rate_limited" (too many posts from this IP).
 */
export async function sendSignInCode({ db, store, user, context, now = Date.now() }: SignInCodeRequest): Promise<{ resendAt: number }> {
  if (!user.mobile) throw new Refusal("mobile_required");
  return requestOneTimeCode({ db, store, identifier: { kind: "mobile", value: user.mobile }, context, purpose: "sign_in", now });
}
