import "server-only";
import { verifyRegistrationResponse, type RegistrationResponseJSON } from "@simplewebauthn/server";
import { isoBase64URL } from "@simplewebauthn/server/helpers";
import type { Kysely } from "kysely";
import type { Database, Session } from "@/lib/db/schema";
import { recordSecurityEvent } from "@/lib/server/audit/record-security-event";
import type { RequestContext } from "@/lib/server/request-context";
import { Refusal } from "@/lib/server/refusal";
import { requireRecentProof } from "@/lib/server/two-step/recent-proof";
import { spendChallenge } from "./passkey-challenges";
import { readAttestation } from "./read-webauthn-response";
import { relyingParty } from "./relying-party";
import { sendPasskeyChanged } from "./send-passkey-changed";

type RegisterInput = {
  userId: string;
  session: Pick<Session, "proved_at">;
  name: string;
  /** The browser's answer to the options from createRegistrationOptions (JSON text or parsed). */
  response: unknown;
  context: RequestContext;
  now?: number;
};

/**
 * Adds a named passkey to a signed-in account that proved itself recently: the answer must be to this account's
 * own unspent challenge, from this site, with the user verified. Stored, audited and announced in one transaction.
 */
export async function registerPasskey(db: Kysely<Database>, input: RegisterInput): Promise<{ passkeyId: string }> {
  const now = input.now ?? Date.now();
  requireRecentProof(input.session, now);
  const { response, challenge } = readAttestation(input.response);
  if (!(await spendChallenge(db, { challenge, purpose: "register", userId: input.userId, now }))) throw new Refusal("passkey_invalid");
  const credential = await checkAttestation(response, challenge);
  const transports = credential.transports ?? response.response.transports;
  return db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto("passkeys")
      .values({
        id: credential.id,
        user_id: input.userId,
        public_key: isoBase64URL.fromBuffer(credential.publicKey),
        counter: credential.counter,
        transports: transports?.length ? JSON.stringify(transports) : null,
        name: input.name,
        created_at: now,
      })
      .onConflict((oc) => oc.column("id").doNothing())
      .returning("id")
      .executeTakeFirst();
    // The same authenticator's passkey cannot be registered twice, to this account or another.
    if (!inserted) throw new Refusal("passkey_invalid");
    const user = await trx.selectFrom("users").select(["id", "email", "mobile", "locale"]).where("id", "=", input.userId).executeTakeFirstOrThrow();
    await recordSecurityEvent(trx, { type: "passkey_added", userId: user.id, context: input.context, detail: { name: input.name }, now });
    await sendPasskeyChanged(trx, { user, change: "added", name: input.name, context: input.context, now });
    return { passkeyId: credential.id };
  });
}

async function checkAttestation(response: RegistrationResponseJSON, challenge: string) {
  const { rpID, origin } = relyingParty();
  try {
    const result = await verifyRegistrationResponse({ response, expectedChallenge: challenge, expectedOrigin: origin, expectedRPID: rpID, requireUserVerification: true });
    if (result.verified) return result.registrationInfo.credential;
  } catch {
    // Another origin or RP, no user verification, an unreadable attestation: all the same refusal.
  }
  throw new Refusal("passkey_invalid");
}
