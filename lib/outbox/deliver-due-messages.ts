import "server-only";
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database, OutboxChannel } from "@/lib/db/schema";
import type { OutboxTransports } from "./create-transports";
import { claimOutboxMessage } from "./claim-outbox-message";
import { findDueMessageIds } from "./find-due-message-ids";
import { describeSendError } from "./describe-send-error";
import type { OutboxMessage, OutboxTransport, RenderedMessage } from "./outbox-transport";
import { renderOutboxMessage, UndeliverableMessageError } from "./render-outbox-message";
import { markOutboxSent, recordOutboxFailure } from "./settle-outbox-message";

export type DeliveryPolicy = {
  leaseMs: number;
  maxAttempts: number;
  batchSize: number;
  retryDelayMs: (attempts: number) => number;
  now: () => number;
};

type Round = { db: Kysely<Database>; policy: DeliveryPolicy; shouldStop: () => boolean };

/** Rendered just before sending; a message that cannot be rendered is given up at once, never sent broken. */
function renderOrGiveUp(message: OutboxMessage): RenderedMessage | { undeliverable: string } {
  try {
    return renderOutboxMessage(message);
  } catch (error) {
    if (error instanceof UndeliverableMessageError) return { undeliverable: error.message };
    throw error;
  }
}

async function deliverOne(round: Round, transport: OutboxTransport, message: OutboxMessage, token: string) {
  const { db, policy } = round;
  const rendered = renderOrGiveUp(message);
  const error =
    "undeliverable" in rendered
      ? rendered.undeliverable
      : await transport.send(rendered).then(
          () => undefined,
          (cause: unknown) => describeSendError(cause),
        );
  const now = policy.now();
  if (error === undefined) {
    await markOutboxSent(db, { message, token, now });
    return;
  }
  const attempts = message.attempts + 1;
  await recordOutboxFailure(db, {
    message,
    token,
    now,
    error,
    retryDelayMs: policy.retryDelayMs(attempts),
    maxAttempts: policy.maxAttempts,
    giveUp: "undeliverable" in rendered,
  });
}

async function deliverChannel(round: Round, channel: OutboxChannel, transport: OutboxTransport): Promise<number> {
  const { db, policy } = round;
  const ids = await findDueMessageIds(db, { channel, now: policy.now(), limit: policy.batchSize });
  let handled = 0;
  for (const id of ids) {
    if (round.shouldStop()) break;
    // Claimed one at a time, just before sending, so the lease only has to cover one send.
    const token = randomUUID();
    const message = await claimOutboxMessage(db, { id, token, now: policy.now(), leaseMs: policy.leaseMs });
    if (!message) continue;
    await deliverOne(round, transport, message, token);
    handled++;
  }
  return handled;
}

/**
 * One round of the worker: every due message of every configured channel is claimed and tried once.
 * Channels run side by side so a slow SMTP server does not hold up SMS. Returns how many were tried.
 */
export async function deliverDueMessages(round: Round & { transports: OutboxTransports }): Promise<number> {
  const entries = Object.entries(round.transports) as [OutboxChannel, OutboxTransport][];
  // allSettled: a round ends only when every channel has finished, so rounds never overlap.
  const results = await Promise.allSettled(entries.map(([channel, transport]) => deliverChannel(round, channel, transport)));
  const failed = results.find((r) => r.status === "rejected");
  if (failed) throw failed.reason;
  return results.reduce((sum, r) => sum + (r.status === "fulfilled" ? r.value : 0), 0);
}
