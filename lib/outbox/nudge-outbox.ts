import "server-only";
// The app's bundled code and the worker started by scripts/server.ts are separate module instances in one
// process: they meet on globalThis. A nudge only shortens the wait; polling alone is enough for correctness.
type NudgeHolder = typeof globalThis & { __qnOutboxNudges?: Set<() => void> };

function nudges(): Set<() => void> {
  const holder = globalThis as NudgeHolder;
  holder.__qnOutboxNudges ??= new Set();
  return holder.__qnOutboxNudges;
}

/** Lets a worker hear about new messages; returns the function that stops listening. */
export function registerOutboxNudge(nudge: () => void): () => void {
  nudges().add(nudge);
  return () => {
    nudges().delete(nudge);
  };
}

/** Tells every worker in this process to look at the outbox soon (after the caller's transaction commits). */
export function nudgeOutboxWorkers(): void {
  for (const nudge of nudges()) nudge();
}
