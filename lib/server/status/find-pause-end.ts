import "server-only";
import type { User } from "@/lib/db/schema";
import type { CounterStore } from "@/lib/server/counters";
import { accountPauseKey } from "@/lib/server/lockout/pause-key";
import { isPaused } from "@/lib/server/lockout/pause-policy";

/** When the account's sign-in pause ends (its email and mobile share one count), or null when it is not paused. */
export async function findPauseEnd(store: CounterStore, user: Pick<User, "id">, now: number): Promise<number | null> {
  const state = await store.getFailures(accountPauseKey(user.id), now);
  return isPaused(state, now) ? state.pausedUntil : null;
}
