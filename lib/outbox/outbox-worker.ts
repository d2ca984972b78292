import "server-only";
import type { Kysely } from "kysely";
import type { Database } from "@/lib/db/schema";
import { createTransports, type OutboxConfig } from "./create-transports";
import { deliverDueMessages, type DeliveryPolicy } from "./deliver-due-messages";
import { describeSendError } from "./describe-send-error";
import { registerOutboxNudge } from "./nudge-outbox";
import { retryDelayMs } from "./retry-delay";
import { createWakeup } from "./wakeup";

// Long enough for the enqueuing transaction to commit; the nudge is only a shortcut past the poll interval.
const NUDGE_DELAY_MS = 50;

export type OutboxWorkerOptions = {
  db: Kysely<Database>;
  config: OutboxConfig;
  /** Pause between rounds; default 1 s. */
  pollMs?: number;
  /** How long a claimed message is out of other workers' reach; must exceed one send. Default 5 min. */
  leaseMs?: number;
  /** Tries before a message is marked failed; default 12. */
  maxAttempts?: number;
  batchSize?: number;
  /** Wait after the n-th failed try; default 5 s · 2^(n-1), capped at 10 min, with jitter. */
  backoffMs?: (attempts: number) => number;
  now?: () => number;
};

export type OutboxWorker = {
  /** Finishes the round in progress, then stops; no new round starts. */
  stop: () => Promise<void>;
  /** Runs rounds until one finds nothing due (or the worker stops). */
  drain: () => Promise<void>;
};

/** Sends the outbox's due messages in the background, one round every `pollMs`, until stopped. */
export function startOutboxWorker(options: OutboxWorkerOptions): OutboxWorker {
  const { db, pollMs = 1_000 } = options;
  const transports = createTransports(options.config);
  const policy = policyOf(options);
  let stopped = false;
  const shouldStop = () => stopped;
  const wakeup = createWakeup();

  // The loop and drain() chain their rounds on one promise, so rounds never overlap.
  let chain: Promise<number> = Promise.resolve(0);
  const round = () => {
    chain = chain.then(() => runRound(() => deliverDueMessages({ db, policy, transports, shouldStop })));
    return chain;
  };

  const loop = (async () => {
    while (!stopped) {
      await round();
      if (!stopped) await wakeup.sleep(pollMs);
    }
  })();
  const unregister = registerOutboxNudge(() => wakeup.soon(NUDGE_DELAY_MS));

  return {
    async drain() {
      while (!stopped && (await round()) > 0);
    },
    async stop() {
      stopped = true;
      unregister();
      wakeup.now();
      await loop;
      await chain;
      for (const transport of Object.values(transports)) transport.close();
    },
  };
}

function policyOf(options: OutboxWorkerOptions): DeliveryPolicy {
  return {
    leaseMs: options.leaseMs ?? 5 * 60_000,
    maxAttempts: options.maxAttempts ?? 12,
    batchSize: options.batchSize ?? 50,
    retryDelayMs: options.backoffMs ?? ((attempts) => retryDelayMs(attempts)),
    now: options.now ?? Date.now,
  };
}

/** A failed round (database unreachable, …) is logged and retried next time; it never takes the server down. */
async function runRound(deliver: () => Promise<number>): Promise<number> {
  try {
    return await deliver();
  } catch (error) {
    console.error(`[outbox] delivery round failed: ${describeSendError(error)}`);
    return 0;
  }
}
