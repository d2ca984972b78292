import "server-only";
import { insertOutboxMessage, type OutboxDb } from "@/lib/outbox/insert-outbox-message";
import type { OutboxSecrets } from "@/lib/outbox/outbox-secrets";

export type EnqueueEmailInput = {
  to: string;
  subject: string;
  /** With secretSlot(name) in place of each link or code that must not be stored in plain text. */
  text: string;
  /** The value of each slot: kept encrypted, filled in at send time, deleted once sent. */
  secrets?: OutboxSecrets;
  html?: string;
  /** What the email is for, e.g. "lockout_notice". */
  kind: string;
  userId?: string | null;
  now?: number;
};

/**
 * Puts an email in the outbox; the worker sends it after `db` commits. Pass the transaction that records
 * the event causing the email, so both exist or neither does.
 */
export function enqueueEmail(db: OutboxDb, email: EnqueueEmailInput): Promise<string> {
  return insertOutboxMessage(db, {
    channel: "email",
    recipient: email.to,
    subject: email.subject,
    text: email.text,
    html: email.html ?? null,
    secrets: email.secrets,
    kind: email.kind,
    userId: email.userId ?? null,
    now: email.now,
  });
}
