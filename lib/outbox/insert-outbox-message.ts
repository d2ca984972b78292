import "server-only";
import { randomUUID } from "node:crypto";
import type { Kysely, Transaction } from "kysely";
import type { Database, OutboxChannel } from "@/lib/db/schema";
import { nudgeOutboxWorkers } from "./nudge-outbox";
import { sealOutboxSecrets, type OutboxSecrets } from "./outbox-secrets";
import { secretSlotNames } from "./secret-slot";

/** A Kysely instance or the caller's transaction: pass the transaction so the message commits with its event. */
export type OutboxDb = Kysely<Database> | Transaction<Database>;

export type OutboxMessageInput = {
  channel: OutboxChannel;
  recipient: string;
  subject: string | null;
  /** The body, with secretSlot(name) wherever a secret goes. */
  text: string;
  html: string | null;
  /** The value of each slot; stored encrypted and only until the message is sent. */
  secrets?: OutboxSecrets;
  kind: string;
  userId: string | null;
  now?: number;
};

/** Slots and secrets must match one to one: a slot without a secret would go out broken, a secret without a slot is lost. */
function checkSlots({ text, html, secrets = {} }: OutboxMessageInput): void {
  const slots = new Set([...secretSlotNames(text), ...secretSlotNames(html ?? "")]);
  const names = Object.keys(secrets);
  const unmatched = [...[...slots].filter((name) => !names.includes(name)), ...names.filter((name) => !slots.has(name))];
  if (unmatched.length > 0) throw new Error(`outbox message: slots and secrets do not match (${unmatched.join(", ")})`);
}

/** Queues one message for the outbox worker; returns its id. */
export async function insertOutboxMessage(db: OutboxDb, message: OutboxMessageInput): Promise<string> {
  checkSlots(message);
  const id = randomUUID();
  const now = message.now ?? Date.now();
  const secrets = message.secrets ?? {};
  const sealed = Object.keys(secrets).length > 0 ? sealOutboxSecrets({ id, channel: message.channel, recipient: message.recipient }, secrets) : null;
  await db
    .insertInto("outbox")
    .values({
      id,
      channel: message.channel,
      recipient: message.recipient,
      subject: message.subject,
      body_text: message.text,
      body_html: message.html,
      secrets: sealed,
      kind: message.kind,
      user_id: message.userId,
      status: "pending",
      next_attempt_at: now,
      claimed_until: null,
      claim_token: null,
      last_error: null,
      created_at: now,
      sent_at: null,
      settled_at: null,
    })
    .execute();
  nudgeOutboxWorkers();
  return id;
}
