import "server-only";
import type { CounterStore } from "@/lib/server/counters";
import { isPaused } from "./pause-policy";
import { IP_FAILURE_WINDOW_MS, IP_THROTTLE_MS, keys } from "./throttle-policy";

export type FailureOutcome = {
  /** Set when sign-in for the identifier is paused after this failure (or already was). */
  pausedUntil: number | null;
  /** True only for the failure that started the pause: the owner is notified once. */
  pausedNow: boolean;
  /** Set when this failure pushed the IP over its daily limit. */
  ipThrottledUntil: number | null;
};

/** Counts a failed sign-in against the identifier (pause rules) and the IP (network throttle). */
export async function recordFailedSignIn(
  store: CounterStore,
  { identifierKey, ip, ipLimit, now }: { identifierKey: string; ip: string | null; ipLimit: number; now: number },
): Promise<FailureOutcome> {
  const [state, ipCount] = await Promise.all([
    store.recordFailure(identifierKey, now),
    ip ? store.hit(keys.ipFailures(ip), IP_FAILURE_WINDOW_MS, now) : null,
  ]);
  const ipThrottledUntil = ip && ipCount && ipCount.count > ipLimit ? await store.hold(keys.ipThrottle(ip), now + IP_THROTTLE_MS, now) : null;
  if (state === null) {
    // Paused by a concurrent attempt between our gate check and now: the same answer, nothing counted.
    const current = await store.getFailures(identifierKey, now);
    return { pausedUntil: isPaused(current, now) ? current.pausedUntil : null, pausedNow: false, ipThrottledUntil };
  }
  return { pausedUntil: isPaused(state, now) ? state.pausedUntil : null, pausedNow: isPaused(state, now), ipThrottledUntil };
}
