import "server-only";
import type { OutboxMessage } from "./outbox-transport";
import { renderOutboxMessage, UndeliverableMessageError } from "./render-outbox-message";
import { fillSecretSlots } from "./secret-slot";

/** Why a slot shows no secret: it was deleted when the message settled, or it cannot be decrypted. */
export type MissingSecret = "removedAfterDelivery" | "removedAfterFailure" | "unreadable";

/**
 * The body as the development mailbox shows it: a waiting message with its secrets decrypted; a settled
 * one, whose secrets are gone, with `explain(why)` in each slot.
 */
export function previewOutboxBody(message: OutboxMessage, explain: (why: MissingSecret) => string): string {
  const without = (why: MissingSecret) => fillSecretSlots(message.body_text, () => explain(why));
  if (message.status === "sent") return without("removedAfterDelivery");
  if (message.status === "failed") return without("removedAfterFailure");
  try {
    return renderOutboxMessage(message).text;
  } catch (error) {
    if (error instanceof UndeliverableMessageError) return without("unreadable");
    throw error;
  }
}
