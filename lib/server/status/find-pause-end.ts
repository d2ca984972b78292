import "server-only";
import type { User } from "@/lib/db/schema";
import { hashIdentifier } from "@/lib/server/audit/hash-identifier";
import type { CounterStore } from "@/lib/server/counters";
import { isPaused } from "@/lib/server/lockout/pause-policy";

/** Pauses are kept per identifier: the account is paused until the last of its email's and mobile's pauses ends. */
export async function findPauseEnd(store: CounterStore, user: Pick<User, "email" | "mobile">, now: number): Promise<number | null> {
  const identifiers = [user.email, user.mobile].filter((v): v is string => Boolean(v));
  const states = await Promise.all(identifiers.map((v) => store.getFailures(hashIdentifier(v), now)));
  const ends = states.filter((s) => isPaused(s, now)).map((s) => s!.pausedUntil!);
  return ends.length > 0 ? Math.max(...ends) : null;
}
