import "server-only";
import type { CounterStore } from "@/lib/server/counters";
import { Refusal } from "@/lib/server/refusal";
import { IP_POST_WINDOW_MS, keys } from "./throttle-policy";

/** Counts one auth form submission (reset request, code) from an IP; over the per-minute limit it is refused. */
export async function countAuthPost(store: CounterStore, ip: string | null, limit: number, now: number): Promise<void> {
  if (!ip) return;
  const { count, resetAt } = await store.hit(keys.ipPosts(ip), IP_POST_WINDOW_MS, now);
  if (count > limit) throw new Refusal("rate_limited", { until: resetAt });
}
