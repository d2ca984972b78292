import "server-only";
import { SealBrokenError } from "@/lib/server/crypto/secret-box";
import { openOutboxSecrets, type OutboxSecrets } from "./outbox-secrets";
import type { OutboxMessage, RenderedMessage } from "./outbox-transport";
import { fillSecretSlots } from "./secret-slot";

/** A message that can never be sent as written: retrying would not help. */
export class UndeliverableMessageError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = "UndeliverableMessageError";
  }
}

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function secretsOf(message: OutboxMessage): OutboxSecrets {
  if (message.secrets === null) return {};
  try {
    return openOutboxSecrets({ ...message, secrets: message.secrets });
  } catch (error) {
    if (error instanceof SealBrokenError) throw new UndeliverableMessageError("secrets unreadable: altered, or sealed with another AUTH_SECRET");
    throw error;
  }
}

/**
 * The message as it goes out, its secrets decrypted into their slots just before sending. Fails closed:
 * a secret that cannot be read or is missing throws UndeliverableMessageError, so no broken link is sent.
 */
export function renderOutboxMessage(message: OutboxMessage): RenderedMessage {
  const secrets = secretsOf(message);
  const fill = (escape: (value: string) => string) => (name: string) => {
    if (!Object.hasOwn(secrets, name)) throw new UndeliverableMessageError(`secret "${name}" missing`);
    return escape(secrets[name]);
  };
  return {
    id: message.id,
    channel: message.channel,
    recipient: message.recipient,
    subject: message.subject,
    text: fillSecretSlots(message.body_text, fill((value) => value)),
    html: message.body_html === null ? null : fillSecretSlots(message.body_html, fill(escapeHtml)),
  };
}
