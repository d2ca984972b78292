import "server-only";
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database, WebauthnChallengePurpose } from "@/lib/db/schema";

/** A browser's passkey prompt must be answered within 5 minutes. */
export const CHALLENGE_TTL_MS = 5 * 60_000;

type Challenge = { challenge: string; purpose: WebauthnChallengePurpose; userId: string | null; now: number };

/** Remembers a challenge handed to a browser, for whom (or anyone, for a passwordless sign-in) and what for. */
export async function saveChallenge(db: Kysely<Database>, { challenge, purpose, userId, now }: Challenge): Promise<void> {
  await db
    .insertInto("webauthn_challenges")
    .values({ id: randomUUID(), challenge, purpose, user_id: userId, created_at: now, expires_at: now + CHALLENGE_TTL_MS })
    .execute();
}

/**
 * Takes the challenge out of the table in the same statement that checks it (purpose, user, age), so an answer
 * is accepted at most once even when sent twice at the same moment. False when there was nothing to spend.
 */
export async function spendChallenge(db: Kysely<Database>, { challenge, purpose, userId, now }: Challenge): Promise<boolean> {
  const spent = await db
    .deleteFrom("webauthn_challenges")
    .where("challenge", "=", challenge)
    .where("purpose", "=", purpose)
    .where("expires_at", ">", now)
    .where("user_id", userId === null ? "is" : "=", userId)
    .returning("id")
    .executeTakeFirst();
  return spent !== undefined;
}
