import "server-only";
import { insertOutboxMessage, type OutboxDb } from "@/lib/outbox/insert-outbox-message";
import type { OutboxSecrets } from "@/lib/outbox/outbox-secrets";

export type EnqueueSmsInput = {
  /** E.164, e.g. "+8613800138000". */
  to: string;
  /** With secretSlot(name) in place of each link or code that must not be stored in plain text. */
  text: string;
  /** The value of each slot: kept encrypted, filled in at send time, deleted once sent. */
  secrets?: OutboxSecrets;
  /** What the SMS is for, e.g. "reset_code". */
  kind: string;
  userId?: string | null;
  now?: number;
};

/**
 * Puts an SMS in the outbox; the worker sends it after `db` commits. Pass the transaction that records
 * the event causing the SMS, so both exist or neither does.
 */
export function enqueueSms(db: OutboxDb, sms: EnqueueSmsInput): Promise<string> {
  return insertOutboxMessage(db, {
    channel: "sms",
    recipient: sms.to,
    subject: null,
    text: sms.text,
    html: null,
    secrets: sms.secrets,
    kind: sms.kind,
    userId: sms.userId ?? null,
    now: sms.now,
  });
}
