import "server-only";
import { verifyAuthenticationResponse, type AuthenticationResponseJSON } from "@simplewebauthn/server";
import { isoBase64URL } from "@simplewebauthn/server/helpers";
import type { Kysely, Selectable } from "kysely";
import type { Database, PasskeysTable } from "@/lib/db/schema";
import { Refusal } from "@/lib/server/refusal";
import type { AssertionPurpose } from "./create-passkey-options";
import { spendChallenge } from "./passkey-challenges";
import { readAssertion } from "./read-webauthn-response";
import { relyingParty } from "./relying-party";

type AssertionInput = {
  response: AuthenticationResponseJSON;
  /** Given: the passkey must belong to this account (a second factor, a reset). */
  userId?: string;
  purpose: AssertionPurpose;
  now?: number;
};

/**
 * Checks a passkey's answer to a challenge we issued for this purpose: the challenge is spent first (a replay finds
 * nothing), then the passkey, its owner, the signature for this site with the user verified, and a counter that
 * only moves forward. Anything wrong is the same refusal, "passkey_invalid".
 */
export async function verifyPasskeyAssertion(db: Kysely<Database>, input: AssertionInput): Promise<{ userId: string; passkeyId: string }> {
  const now = input.now ?? Date.now();
  const { response, challenge } = readAssertion(input.response);
  if (!(await spendChallenge(db, { challenge, purpose: input.purpose, userId: input.userId ?? null, now }))) throw new Refusal("passkey_invalid");
  const passkey = await db.selectFrom("passkeys").selectAll().where("id", "=", response.id).executeTakeFirst();
  if (!passkey || (input.userId !== undefined && passkey.user_id !== input.userId)) throw new Refusal("passkey_invalid");
  if (response.response.userHandle && isoBase64URL.toUTF8String(response.response.userHandle) !== passkey.user_id) throw new Refusal("passkey_invalid");
  const newCounter = await checkSignature(response, challenge, passkey);
  // Conditional on the counter read above: of two answers racing with one passkey, only one moves it.
  const moved = await db
    .updateTable("passkeys")
    .set({ counter: newCounter, last_used_at: now })
    .where("id", "=", passkey.id)
    .where("counter", "=", passkey.counter)
    .executeTakeFirst();
  if (Number(moved.numUpdatedRows) !== 1) throw new Refusal("passkey_invalid");
  return { userId: passkey.user_id, passkeyId: passkey.id };
}

async function checkSignature(response: AuthenticationResponseJSON, challenge: string, passkey: Selectable<PasskeysTable>): Promise<number> {
  const { rpID, origin } = relyingParty();
  try {
    const result = await verifyAuthenticationResponse({
      response,
      expectedChallenge: challenge,
      expectedOrigin: origin,
      expectedRPID: rpID,
      requireUserVerification: true,
      credential: {
        id: passkey.id,
        publicKey: isoBase64URL.toBuffer(passkey.public_key),
        counter: Number(passkey.counter),
        transports: passkey.transports ? (JSON.parse(passkey.transports) as string[]) : undefined,
      },
    });
    if (result.verified) return result.authenticationInfo.newCounter;
  } catch {
    // A bad signature, another origin or RP, no user verification, a counter gone back: all the same refusal.
  }
  throw new Refusal("passkey_invalid");
}
