import "server-only";
import type { CounterStore } from "@/lib/server/counters";
import { IP_POST_WINDOW_MS, keys } from "./throttle-policy";

export type PostRate = { limited: false } | { limited: true; retryAt: number };

/** Counts one auth form submission (sign-in, reset, status code) from an IP; over the per-minute limit → limited. */
export async function checkAuthPostRate(store: CounterStore, ip: string | null, limit: number, now: number): Promise<PostRate> {
  if (!ip) return { limited: false };
  const { count, resetAt } = await store.hit(keys.ipPosts(ip), IP_POST_WINDOW_MS, now);
  return count > limit ? { limited: true, retryAt: resetAt } : { limited: false };
}
