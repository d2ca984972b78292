import "server-only";
import type { Kysely } from "kysely";
import type { Database } from "@/lib/db/schema";
import { recordSecurityEvent } from "@/lib/server/audit/record-security-event";
import type { RequestContext } from "@/lib/server/request-context";
import { endSession } from "./end-session";

type SignOutSessionOptions = { secret: string; context: RequestContext; detail?: Record<string, string> };

/** A browser signs itself out: its session row goes and the audit says so (Auth.js sign-out, repair this browser). */
export async function signOutSession(db: Kysely<Database>, { secret, context, detail }: SignOutSessionOptions): Promise<string | null> {
  const userId = await endSession(db, secret);
  if (userId) await recordSecurityEvent(db, { type: "signed_out", userId, context, detail });
  return userId;
}
