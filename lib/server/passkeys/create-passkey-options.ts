import "server-only";
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
} from "@simplewebauthn/server";
import { isoUint8Array } from "@simplewebauthn/server/helpers";
import type { Kysely } from "kysely";
import type { Database, User, WebauthnChallengePurpose } from "@/lib/db/schema";
import { maskMobile } from "@/lib/identifier/mask-identifier";
import { CHALLENGE_TTL_MS, saveChallenge } from "./passkey-challenges";
import { relyingParty } from "./relying-party";

export type AssertionPurpose = Exclude<WebauthnChallengePurpose, "register">;

/** The passkey's user handle: the account id, so an assertion can be tied back to its account. */
export function userHandleOf(userId: string) {
  return isoUint8Array.fromUTF8String(userId);
}

function credentialsOf(db: Kysely<Database>, userId: string) {
  return db.selectFrom("passkeys").select(["id", "transports"]).where("user_id", "=", userId).execute();
}

function descriptor(row: { id: string; transports: string | null }) {
  return { id: row.id, transports: row.transports ? (JSON.parse(row.transports) as string[]) : undefined };
}

/**
 * Options for adding a passkey to a signed-in account: the authenticator must verify the user and keep the
 * passkey (so it alone can sign in later), and may not hold a second passkey of this account.
 */
export async function createRegistrationOptions(
  db: Kysely<Database>,
  { user, now = Date.now() }: { user: Pick<User, "id" | "email" | "mobile" | "name">; now?: number },
): Promise<PublicKeyCredentialCreationOptionsJSON> {
  const { rpID, rpName } = relyingParty();
  const userName = user.email ?? (user.mobile ? maskMobile(user.mobile) : user.id);
  const options = await generateRegistrationOptions({
    rpName,
    rpID,
    userName,
    userID: userHandleOf(user.id),
    userDisplayName: user.name || userName,
    timeout: CHALLENGE_TTL_MS,
    attestationType: "none",
    excludeCredentials: (await credentialsOf(db, user.id)).map(descriptor),
    authenticatorSelection: { residentKey: "required", requireResidentKey: true, userVerification: "required" },
  });
  await saveChallenge(db, { challenge: options.challenge, purpose: "register", userId: user.id, now });
  return options;
}

/**
 * Options for proving a passkey. With `userId` (a second factor, a reset) only that account's passkeys are
 * offered; without it (a passwordless sign-in) the browser lets the user pick any passkey it holds for this site.
 */
export async function createAuthenticationOptions(
  db: Kysely<Database>,
  { userId, purpose, now = Date.now() }: { userId?: string; purpose: AssertionPurpose; now?: number },
): Promise<PublicKeyCredentialRequestOptionsJSON> {
  const allowCredentials = userId ? (await credentialsOf(db, userId)).map(descriptor) : undefined;
  const options = await generateAuthenticationOptions({
    rpID: relyingParty().rpID,
    allowCredentials,
    userVerification: "required",
    timeout: CHALLENGE_TTL_MS,
  });
  await saveChallenge(db, { challenge: options.challenge, purpose, userId: userId ?? null, now });
  return options;
}
