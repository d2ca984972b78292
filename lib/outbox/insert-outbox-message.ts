import "server-only";
import { randomUUID } from "node:crypto";
import type { Kysely, Transaction } from "kysely";
import type { Database, OutboxChannel } from "@/lib/db/schema";
import { nudgeOutboxWorkers } from "./nudge-outbox";

/** A Kysely instance or the caller's transaction: pass the transaction so the message commits with its event. */
export type OutboxDb = Kysely<Database> | Transaction<Database>;

export type OutboxMessageInput = {
  channel: OutboxChannel;
  recipient: string;
  subject: string | null;
  text: string;
  html: string | null;
  kind: string;
  userId: string | null;
  now?: number;
};

/** Queues one message for the outbox worker; returns its id. */
export async function insertOutboxMessage(db: OutboxDb, message: OutboxMessageInput): Promise<string> {
  const id = randomUUID();
  const now = message.now ?? Date.now();
  await db
    .insertInto("outbox")
    .values({
      id,
      channel: message.channel,
      recipient: message.recipient,
      subject: message.subject,
      body_text: message.text,
      body_html: message.html,
      kind: message.kind,
      user_id: message.userId,
      status: "pending",
      next_attempt_at: now,
      claimed_until: null,
      claim_token: null,
      last_error: null,
      created_at: now,
      sent_at: null,
    })
    .execute();
  nudgeOutboxWorkers();
  return id;
}
