import "server-only";
import type { FailureState } from "@/lib/server/lockout/pause-policy";

export type WindowCount = { count: number; resetAt: number };

/**
 * Counters shared by every portal instance: the database by default, Redis when REDIS_URL is set.
 * Every write is one atomic operation, so concurrent attempts cannot race past a limit.
 */
export type CounterStore = {
  /** The failure state of an identifier key (already forgotten ones read as null). */
  getFailures(key: string, now: number): Promise<FailureState | null>;
  /**
   * Counts one failure unless paused (→ null, nothing changed) and pauses per the policy, in one atomic step.
   * Sign-in calls it before the password is checked (a reserved slot), so a burst cannot outrun the pause.
   */
  reserveFailure(key: string, now: number): Promise<FailureState | null>;
  clearFailures(keys: string[]): Promise<void>;
  /**
   * Takes back a reservation that turned out not to be a failure, without clearing anyone else's: only while no
   * other attempt was counted after it (the count still equals `reserved.failures`), and lifting the pause it
   * started. A right password whose sign-in still owes a second step neither counts nor clears.
   */
  unreserveFailure(key: string, reserved: FailureState, now: number): Promise<void>;
  /** Counts one event in a fixed window that starts with the first event. */
  hit(key: string, windowMs: number, now: number): Promise<WindowCount>;
  /** The window's count as it stands, without counting (0 once the window has ended). */
  peek(key: string, now: number): Promise<WindowCount>;
  /** Gives back one event counted by hit() in the live window (a reserved slot that turned out not to count). */
  release(key: string, now: number): Promise<void>;
  /** Holds `key` until `until` unless it is already held (a hold is never lengthened); returns the hold's end. */
  hold(key: string, until: number, now: number): Promise<number>;
  heldUntil(key: string, now: number): Promise<number | null>;
  /** Lets a short-lived script exit (closes a Redis connection; nothing for the database). */
  close(): Promise<void>;
};
