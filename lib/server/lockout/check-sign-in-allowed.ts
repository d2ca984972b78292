import "server-only";
import type { CounterStore } from "@/lib/server/counters";
import { isPaused } from "./pause-policy";
import { keys } from "./throttle-policy";

export type SignInGate =
  | { allowed: true }
  | { allowed: false; reason: "ip_throttled"; until: number }
  | { allowed: false; reason: "paused"; until: number };

/** Decided before any password is checked: a throttled network or a paused identifier costs no hash. */
export async function checkSignInAllowed(store: CounterStore, identifierKey: string, ip: string | null, now: number): Promise<SignInGate> {
  const [throttledUntil, failures] = await Promise.all([
    ip ? store.heldUntil(keys.ipThrottle(ip), now) : null,
    store.getFailures(identifierKey, now),
  ]);
  if (throttledUntil) return { allowed: false, reason: "ip_throttled", until: throttledUntil };
  if (isPaused(failures, now)) return { allowed: false, reason: "paused", until: failures.pausedUntil };
  return { allowed: true };
}
