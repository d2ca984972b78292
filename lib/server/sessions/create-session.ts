import "server-only";
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database, ResetVia, SessionPurpose } from "@/lib/db/schema";
import { Refusal } from "@/lib/server/refusal";
import type { RequestContext } from "@/lib/server/request-context";
import { hashSessionSecret, newSessionSecret, RESET_SESSION_MS, SECOND_STEP_SESSION_MS, SESSION_ABSOLUTE_MS, SESSION_PERSISTENT_MS } from "./session-policy";

export type CreateSessionOptions = {
  userId: string;
  persistent: boolean;
  context: RequestContext;
  /** "reset": may only set a new password, and lives 15 minutes. */
  purpose?: SessionPurpose;
  /** A reset-only session: whether the emailed link or a texted code proved it (decides which second factors fit). */
  resetVia?: ResetVia;
  now?: number;
};

/**
 * Records a new server-side session; returns the secret that goes into the (encrypted) session cookie. A full
 * session opens only for an active account, decided under the account row's lock: a freeze committing meanwhile
 * either waits for this session and ends it, or is seen here and refused ("account_frozen").
 */
export async function createSession(db: Kysely<Database>, options: CreateSessionOptions): Promise<{ id: string; secret: string }> {
  const purpose = options.purpose ?? "full";
  if (purpose !== "full") return insertSession(db, options, purpose);
  return db.transaction().execute(async (trx) => {
    // A write that changes nothing, for its lock: PostgreSQL makes a concurrent freeze's UPDATE wait, or this one re-check.
    const open = await trx
      .updateTable("users")
      .set((eb) => ({ updated_at: eb.ref("updated_at") }))
      .where("id", "=", options.userId)
      .where("status", "=", "active")
      .returning("id")
      .executeTakeFirst();
    if (!open) throw new Refusal("account_frozen");
    return insertSession(trx, options, purpose);
  });
}

async function insertSession(db: Kysely<Database>, options: CreateSessionOptions, purpose: SessionPurpose): Promise<{ id: string; secret: string }> {
  const now = options.now ?? Date.now();
  const secret = newSessionSecret();
  const id = randomUUID();
  const lifetime = purpose === "reset" ? RESET_SESSION_MS : purpose === "second_factor" ? SECOND_STEP_SESSION_MS : options.persistent ? SESSION_PERSISTENT_MS : SESSION_ABSOLUTE_MS;
  await db
    .insertInto("sessions")
    .values({
      id,
      token_hash: hashSessionSecret(secret),
      user_id: options.userId,
      // A second step remembers "keep me signed in" for the full session it leads to.
      persistent: options.persistent && purpose !== "reset" ? 1 : 0,
      purpose,
      ip: options.context.ip,
      user_agent: options.context.userAgent,
      created_at: now,
      last_seen_at: now,
      expires_at: now + lifetime,
      // A full session starts with a proof (the password, and the second factor when asked).
      proved_at: purpose === "full" ? now : null,
      reset_via: purpose === "reset" ? (options.resetVia ?? null) : null,
    })
    .execute();
  return { id, secret };
}
