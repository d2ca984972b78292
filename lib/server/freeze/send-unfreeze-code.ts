import "server-only";
import type { Kysely } from "kysely";
import type { Database } from "@/lib/db/schema";
import type { CounterStore } from "@/lib/server/counters";
import { requestOneTimeCode } from "@/lib/server/one-time-codes/request-one-time-code";
import { Refusal } from "@/lib/server/refusal";
import type { RequestContext } from "@/lib/server/request-context";
import { findTwoStepMethods, hasTwoStep } from "@/lib/server/two-step/find-two-step-methods";
import { sendSignInCode } from "@/lib/server/two-step/send-sign-in-code";
import type { UnfreezeMethod } from "@/lib/validation/freeze";
import { unfreezeChannel } from "./unfreeze-channel";

type CodeRequest = { db: Kysely<Database>; store: CounterStore; userId: string; method: UnfreezeMethod; context: RequestContext; now?: number };

/**
 * Sends the code an unfreeze asks for: the SMS sign-in code of an account with SMS two-step, or (two-step off) an
 * unfreeze code to the chosen registered email or mobile. The usual code limits apply (one a minute, five an hour).
 */
export async function sendUnfreezeCode({ db, store, userId, method, context, now = Date.now() }: CodeRequest): Promise<{ resendAt: number }> {
  const user = await db.selectFrom("users").selectAll().where("id", "=", userId).where("status", "=", "self_frozen").executeTakeFirst();
  if (!user) throw new Refusal("not_self_frozen");
  const methods = await findTwoStepMethods(db, user.id);
  if (hasTwoStep(methods)) {
    if (method !== "sms" || !methods.sms) throw new Refusal("invalid_input");
    return sendSignInCode({ db, store, user, context, now });
  }
  const identifier = unfreezeChannel(user, method);
  if (!identifier) throw new Refusal("invalid_input");
  return requestOneTimeCode({ db, store, identifier, context, purpose: "unfreeze", now });
}
