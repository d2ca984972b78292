import "server-only";
import type { OutboxChannel } from "@/lib/db/schema";
import { getAuthSecret } from "@/lib/server/auth/auth-secret";
import { deriveKey, openSealedText, sealText } from "@/lib/server/crypto/secret-box";

// Fixed forever: changing it makes every pending message's secrets unreadable.
const KEY_INFO = "qianneng-account-center/outbox-secrets/v1";

export type OutboxSecrets = Record<string, string>;
type Addressed = { id: string; channel: OutboxChannel; recipient: string };

let cached: { secret: string; key: Buffer } | undefined;

function outboxKey(): Buffer {
  const secret = getAuthSecret();
  if (cached?.secret !== secret) cached = { secret, key: deriveKey(secret, KEY_INFO) };
  return cached.key;
}

// Bound to the row and its address: copied into another row, or readdressed, the secrets no longer open.
const contextOf = (message: Addressed) => JSON.stringify([message.id, message.channel, message.recipient]);

/** The message's secrets, encrypted with a key derived from AUTH_SECRET, for the outbox `secrets` column. */
export function sealOutboxSecrets(message: Addressed, secrets: OutboxSecrets): string {
  return sealText(JSON.stringify(secrets), { key: outboxKey(), context: contextOf(message) });
}

/** Decrypts a row's `secrets` column; throws SealBrokenError if it was altered or belongs elsewhere. */
export function openOutboxSecrets(message: Addressed & { secrets: string }): OutboxSecrets {
  // Authenticated, so only sealOutboxSecrets can have written it.
  return JSON.parse(openSealedText(message.secrets, { key: outboxKey(), context: contextOf(message) })) as OutboxSecrets;
}
