import "server-only";
// 5 consecutive failures → 15 min; every further 5 doubles it, up to 24 h;
// the count is forgotten after 12 h without failures. Time spent paused is not time "without failures"
// (attempts are refused then), so the 12 h run from the later of the last failure and the pause's end —
// otherwise a 16 h pause would wipe the count and the 24 h step could never be reached.
export const PAUSE_EVERY = 5;
export const FIRST_PAUSE_MS = 15 * 60_000;
export const MAX_PAUSE_MS = 24 * 3_600_000;
export const FORGET_AFTER_MS = 12 * 3_600_000;

export type FailureState = { failures: number; lastFailureAt: number; pausedUntil: number | null };

/** How long the failure that brings the count to `failures` pauses sign-in, or null when it does not. */
export function pauseDurationMs(failures: number): number | null {
  if (failures < PAUSE_EVERY || failures % PAUSE_EVERY !== 0) return null;
  return Math.min(FIRST_PAUSE_MS * 2 ** (failures / PAUSE_EVERY - 1), MAX_PAUSE_MS);
}

export function isPaused(state: FailureState | null, now: number): state is FailureState & { pausedUntil: number } {
  return state?.pausedUntil != null && state.pausedUntil > now;
}

/** The state as it stands at `now`: a count left alone for 12 h after its last failure or pause is forgotten. */
export function currentFailureState(state: FailureState | null, now: number): FailureState | null {
  if (!state) return null;
  const quietSince = Math.max(state.lastFailureAt, state.pausedUntil ?? 0);
  return now - quietSince < FORGET_AFTER_MS ? state : null;
}

/**
 * The state after one more failure, or null when sign-in is paused: attempts during a pause
 * are refused before any password check and change nothing. The stores implement exactly this, atomically.
 */
export function nextFailureState(state: FailureState | null, now: number): FailureState | null {
  if (isPaused(state, now)) return null;
  const failures = (currentFailureState(state, now)?.failures ?? 0) + 1;
  const pause = pauseDurationMs(failures);
  return { failures, lastFailureAt: now, pausedUntil: pause === null ? null : now + pause };
}
