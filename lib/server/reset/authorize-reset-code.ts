import "server-only";
import { z } from "zod";
import { getDb } from "@/lib/db";
import { getCounterStore } from "@/lib/server/counters";
import { contextFromHeaders } from "@/lib/server/request-context";
import { verifyStatusCode } from "@/lib/server/status/verify-status-code";
import { identifierField } from "@/lib/validation/auth";
import { statusCodeField } from "@/lib/validation/account-status";
import { ResetCodeRefused } from "./reset-errors";

const schema = z.object({ identifier: identifierField, code: statusCodeField });

/**
 * The "sms-reset" Credentials provider: the right SMS code yields a user for a reset-only session
 * (auth.ts marks it so); a wrong, spent or expired one is refused with a code the form can show.
 */
export async function authorizeResetCode(credentials: Partial<Record<string, unknown>>, request: Request): Promise<{ id: string }> {
  const parsed = schema.safeParse(credentials);
  if (!parsed.success) throw new ResetCodeRefused("code_invalid");
  const result = await verifyStatusCode({
    db: await getDb(),
    store: await getCounterStore(),
    identifier: parsed.data.identifier,
    code: parsed.data.code,
    context: contextFromHeaders(request.headers),
    purpose: "reset",
  });
  if (!result.ok) throw new ResetCodeRefused(result.code);
  return { id: result.userId };
}
