import "server-only";
import type { SecurityEventType } from "@/lib/server/audit/record-security-event";
import type { CounterStore } from "@/lib/server/counters";
import { Refusal } from "@/lib/server/refusal";
import { isPaused } from "./pause-policy";
import { IP_FAILURE_WINDOW_MS, IP_POST_WINDOW_MS, IP_THROTTLE_MS, keys } from "./throttle-policy";

export type GateAudit = (type: SecurityEventType, detail?: Record<string, number>) => Promise<void>;

export type GateInput = {
  store: CounterStore;
  /** The pause counter (pauseKeyOf) and the client's network. */
  pauseKey: string;
  ip: string | null;
  limits: { postsPerMinute: number; failuresPerIp: number };
  now: number;
  /**
   * true (authorize): this submission is counted and a failure slot is reserved before the password is checked.
   * false (the early path): nothing is written unless the attempt is refused; a pass means Auth.js decides.
   */
  reserve: boolean;
  audit: GateAudit;
};

/** A reserved attempt: the failure is already counted; success gives the slots back. */
export type Admission = {
  /** Set when this attempt's reservation started a pause (it takes effect if the password is wrong). */
  pausedUntil: number | null;
  /** The password was right: the network's failure slot is returned (the caller clears the account's count). */
  release: () => Promise<void>;
  /**
   * The password was right but a second step is still owed: both slots are taken back (and a pause this
   * reservation started is lifted), while earlier failures stay counted until the second step succeeds.
   */
  unreserve: () => Promise<void>;
};

const REFUSAL_EVENTS: Record<string, SecurityEventType> = {
  rate_limited: "sign_in_rate_limited",
  ip_throttled: "sign_in_refused_throttled",
  sign_in_paused: "sign_in_refused_paused",
};

async function refuse(input: GateInput, refusal: Refusal): Promise<never> {
  await input.audit(REFUSAL_EVENTS[refusal.code]);
  throw refusal;
}

/** Submission rate, then network throttle, then pause: the first that applies refuses. */
async function findRefusal({ store, pauseKey, ip, limits, now, reserve }: GateInput): Promise<Refusal | null> {
  if (ip) {
    const key = keys.ipPosts(ip);
    const posts = reserve ? await store.hit(key, IP_POST_WINDOW_MS, now) : await store.peek(key, now).then((p) => ({ ...p, count: p.count + 1 }));
    if (posts.count > limits.postsPerMinute) return new Refusal("rate_limited", { until: posts.count > 1 ? posts.resetAt : now + IP_POST_WINDOW_MS });
  }
  const [throttledUntil, failures] = await Promise.all([ip ? store.heldUntil(keys.ipThrottle(ip), now) : null, store.getFailures(pauseKey, now)]);
  if (throttledUntil) return new Refusal("ip_throttled", { until: throttledUntil });
  if (isPaused(failures, now)) return new Refusal("sign_in_paused", { until: failures.pausedUntil });
  return null;
}

/** The network's slot first (over its daily limit → throttled for an hour), then the pause counter's. */
async function reserveAttempt(input: GateInput): Promise<Admission> {
  const { store, pauseKey, ip, limits, now } = input;
  const ipKey = ip ? keys.ipFailures(ip) : null;
  if (ip && ipKey && (await store.hit(ipKey, IP_FAILURE_WINDOW_MS, now)).count > limits.failuresPerIp) {
    await store.release(ipKey, now);
    const until = await store.hold(keys.ipThrottle(ip), now + IP_THROTTLE_MS, now);
    if (until === now + IP_THROTTLE_MS) await input.audit("ip_throttled", { until });
    return refuse(input, new Refusal("ip_throttled", { until }));
  }
  const state = await store.reserveFailure(pauseKey, now);
  if (!state) {
    // Paused by a concurrent attempt since findRefusal looked: refused like any paused attempt.
    if (ipKey) await store.release(ipKey, now);
    const current = await store.getFailures(pauseKey, now);
    return refuse(input, new Refusal("sign_in_paused", { until: current?.pausedUntil ?? now }));
  }
  const release = async () => {
    if (ipKey) await store.release(ipKey, now);
  };
  return {
    pausedUntil: state.pausedUntil,
    release,
    unreserve: async () => {
      await Promise.all([release(), store.unreserveFailure(pauseKey, state, now)]);
    },
  };
}

/**
 * The sign-in gate, one for the early path and for authorize(): the same checks in the same order, the same
 * refusal and audit row. With `reserve` it returns an Admission whose failure is already counted — decided in
 * one atomic step per counter — so a burst of any size gets at most the remaining allowance of password checks.
 */
export async function passSignInGate(input: GateInput): Promise<Admission | null> {
  const refusal = await findRefusal(input);
  if (refusal) {
    // The early path refuses before Auth.js would have counted this submission: count it now, alike.
    if (!input.reserve && input.ip) await input.store.hit(keys.ipPosts(input.ip), IP_POST_WINDOW_MS, input.now);
    return refuse(input, refusal);
  }
  return input.reserve ? reserveAttempt(input) : null;
}
