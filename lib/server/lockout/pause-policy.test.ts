import { describe, expect, it } from "vitest";
import { currentFailureState, FIRST_PAUSE_MS, FORGET_AFTER_MS, MAX_PAUSE_MS, nextFailureState, pauseDurationMs, type FailureState } from "./pause-policy";

const MIN = 60_000;
const HOUR = 60 * MIN;
const T0 = Date.UTC(2026, 10, 25, 8, 0, 0);

/** Applies `n` failures one second apart, waiting out any pause first, like a patient attacker. */
function fail(state: FailureState | null, n: number, clock: { now: number }): FailureState | null {
  for (let i = 0; i < n; i++) {
    if (state?.pausedUntil && state.pausedUntil > clock.now) clock.now = state.pausedUntil;
    clock.now += 1000;
    state = nextFailureState(state, clock.now);
  }
  return state;
}

describe("pauseDurationMs", () => {
  it.each([
    [1, null],
    [4, null],
    [5, 15 * MIN],
    [6, null],
    [9, null],
    [10, 30 * MIN],
    [15, 60 * MIN],
    [20, 2 * HOUR],
    [35, 16 * HOUR],
    [40, 24 * HOUR],
    [45, 24 * HOUR],
    [500, 24 * HOUR],
  ])("%i failures → %s", (failures, expected) => {
    expect(pauseDurationMs(failures)).toBe(expected);
  });
});

describe("nextFailureState", () => {
  it("4 failures do not pause; the 5th pauses for 15 min; the 6th (after the pause) does not", () => {
    const clock = { now: T0 };
    let state = fail(null, 4, clock);
    expect(state).toMatchObject({ failures: 4, pausedUntil: null });
    state = fail(state, 1, clock);
    expect(state).toEqual({ failures: 5, lastFailureAt: clock.now, pausedUntil: clock.now + FIRST_PAUSE_MS });
    state = fail(state, 1, clock);
    expect(state).toMatchObject({ failures: 6, pausedUntil: null });
  });

  it("a failure during a pause is refused and changes nothing", () => {
    const clock = { now: T0 };
    const paused = fail(null, 5, clock)!;
    expect(nextFailureState(paused, clock.now + 1)).toBeNull();
    expect(nextFailureState(paused, paused.pausedUntil! - 1)).toBeNull();
    expect(nextFailureState(paused, paused.pausedUntil!)).toMatchObject({ failures: 6 });
  });

  it("every further 5 failures doubles the pause, capped at 24 h", () => {
    const clock = { now: T0 };
    let state = fail(null, 10, clock)!;
    expect(state.pausedUntil! - clock.now).toBe(30 * MIN);
    state = fail(state, 5, clock)!;
    expect(state.pausedUntil! - clock.now).toBe(60 * MIN);
    state = fail(state, 25, clock)!;
    expect(state.failures).toBe(40);
    expect(state.pausedUntil! - clock.now).toBe(MAX_PAUSE_MS);
    state = fail(state, 5, clock)!;
    expect(state.pausedUntil! - clock.now).toBe(MAX_PAUSE_MS);
  });

  it("forgets the count 12 h after the last failure, not a moment sooner", () => {
    const clock = { now: T0 };
    const four = fail(null, 4, clock)!;
    expect(nextFailureState(four, four.lastFailureAt + FORGET_AFTER_MS - 1)).toMatchObject({ failures: 5 });
    expect(nextFailureState(four, four.lastFailureAt + FORGET_AFTER_MS)).toMatchObject({ failures: 1, pausedUntil: null });
    expect(currentFailureState(four, four.lastFailureAt + FORGET_AFTER_MS - 1)).toEqual(four);
    expect(currentFailureState(four, four.lastFailureAt + FORGET_AFTER_MS)).toBeNull();
  });

  it("the 12 h memory runs from the end of a pause: long pauses do not wipe the count", () => {
    const clock = { now: T0 };
    const capped = fail(null, 40, clock)!;
    expect(currentFailureState(capped, capped.pausedUntil! - 1)).toEqual(capped);
    expect(nextFailureState(capped, capped.pausedUntil!)).toMatchObject({ failures: 41 });
    expect(nextFailureState(capped, capped.pausedUntil! + FORGET_AFTER_MS - 1)).toMatchObject({ failures: 41 });
    expect(nextFailureState(capped, capped.pausedUntil! + FORGET_AFTER_MS)).toMatchObject({ failures: 1 });
  });
});
