import "server-only";
import { z } from "zod";
import { getDb } from "@/lib/db";
import { getCounterStore } from "@/lib/server/counters";
import { contextFromHeaders } from "@/lib/server/request-context";
import { verifyOneTimeCode } from "@/lib/server/one-time-codes/verify-one-time-code";
import { identifierField } from "@/lib/validation/auth";
import { oneTimeCodeField } from "@/lib/validation/one-time-code";
import { Refusal } from "@/lib/server/refusal";

const schema = z.object({ identifier: identifierField, code: oneTimeCodeField });

/**
 * The "sms-reset" Credentials provider: the right SMS code yields a user for a reset-only session
 * (auth.ts marks it so); a wrong, spent or expired one is refused with a code the form can show.
 */
export async function authorizeResetCode(credentials: Partial<Record<string, unknown>>, request: Request): Promise<{ id: string }> {
  const parsed = schema.safeParse(credentials);
  if (!parsed.success) throw new Refusal("code_invalid");
  const { userId } = await verifyOneTimeCode({
    db: await getDb(),
    store: await getCounterStore(),
    identifier: parsed.data.identifier,
    code: parsed.data.code,
    context: contextFromHeaders(request.headers),
    purpose: "reset",
  });
  return { id: userId };
}
