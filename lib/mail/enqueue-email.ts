import "server-only";
import { insertOutboxMessage, type OutboxDb } from "@/lib/outbox/insert-outbox-message";

export type EnqueueEmailInput = {
  to: string;
  subject: string;
  text: string;
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
    kind: email.kind,
    userId: email.userId ?? null,
    now: email.now,
  });
}
