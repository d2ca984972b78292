// Both CounterStore implementations must follow pause-policy exactly and stay consistent under concurrency.
import { describe, expect, it } from "vitest";
import { storeKinds, useStore } from "@/test/counter-store-kinds";
import { FIRST_PAUSE_MS, nextFailureState, type FailureState } from "@/lib/server/lockout/pause-policy";

describe.each(storeKinds())("$name", (kind) => {
  const t = useStore(kind);
  const store = () => t.store;
  // Real-clock times: Redis expiries run on the server's clock.
  const base = () => Date.now();

  it("follows pause-policy step by step, including refusals during a pause", async () => {
    const key = `seq-${Math.random()}`;
    let expected: FailureState | null = null;
    let now = base();
    // Gaps in minutes: quick failures, a wait through the first pause, more failures, then 12 h of quiet.
    const gaps = [1, 1, 1, 1, 1, 1, 16, 1, 1, 1, 1, 1, 31, 1, 12 * 60 + 31, 1];
    for (const gap of gaps) {
      now += gap * 60_000;
      const next = nextFailureState(expected, now);
      const got = await store().reserveFailure(key, now);
      expect(got).toEqual(next);
      if (next) expected = next;
      expect(await store().getFailures(key, now)).toEqual(expected);
    }
  });

  it("200 concurrent wrong attempts give one consistent counter and one pause", async () => {
    const key = `burst-${Math.random()}`;
    const now = base();
    const results = await Promise.all(Array.from({ length: 200 }, () => store().reserveFailure(key, now)));
    const counted = results.filter((r) => r !== null);
    expect(counted.map((r) => r!.failures).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5]);
    expect(counted.filter((r) => r!.pausedUntil !== null)).toHaveLength(1);
    expect(await store().getFailures(key, now)).toEqual({ failures: 5, lastFailureAt: now, pausedUntil: now + FIRST_PAUSE_MS });
  });

  it("unreserveFailure takes back only its own reservation, and the pause it started", async () => {
    const key = `unreserve-${Math.random()}`;
    const now = base();
    for (let i = 0; i < 3; i++) await store().reserveFailure(key, now);
    const mine = (await store().reserveFailure(key, now))!;
    await store().unreserveFailure(key, mine, now);
    expect((await store().getFailures(key, now))?.failures).toBe(3);
    // The fifth starts a pause; taken back, the pause goes with it.
    expect((await store().reserveFailure(key, now + 1))?.pausedUntil).toBeNull();
    const fifth = (await store().reserveFailure(key, now + 2))!;
    expect(fifth).toMatchObject({ failures: 5, pausedUntil: now + 2 + FIRST_PAUSE_MS });
    await store().unreserveFailure(key, fifth, now + 2);
    expect(await store().getFailures(key, now + 3)).toMatchObject({ failures: 4, pausedUntil: null });
    // Another attempt counted after mine: nothing is taken back.
    const other = `unreserve-other-${Math.random()}`;
    const first = (await store().reserveFailure(other, now))!;
    await store().reserveFailure(other, now + 1);
    await store().unreserveFailure(other, first, now + 1);
    expect((await store().getFailures(other, now + 2))?.failures).toBe(2);
  });

  it("clearFailures forgets the count", async () => {
    const key = `clear-${Math.random()}`;
    const now = base();
    for (let i = 0; i < 3; i++) await store().reserveFailure(key, now);
    await store().clearFailures([key, "never-used"]);
    expect(await store().getFailures(key, now)).toBeNull();
  });

  it("hit counts in a fixed window and starts again once it ends", async () => {
    const key = `hit-${Math.random()}`;
    const now = base();
    const counts = await Promise.all(Array.from({ length: 50 }, () => store().hit(key, 200, now)));
    expect(counts.map((c) => c.count).sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    await new Promise((r) => setTimeout(r, 250));
    expect((await store().hit(key, 60_000, Date.now())).count).toBe(1);
  });

  it("peek reads a window without counting; release gives back one slot, never below zero", async () => {
    const key = `peek-${Math.random()}`;
    const now = base();
    expect((await store().peek(key, now)).count).toBe(0);
    await Promise.all(Array.from({ length: 10 }, () => store().hit(key, 60_000, now)));
    expect(await store().peek(key, now)).toMatchObject({ count: 10 });
    expect((await store().peek(key, now)).resetAt).toBeGreaterThan(now);
    await Promise.all(Array.from({ length: 4 }, () => store().release(key, now)));
    expect((await store().peek(key, now)).count).toBe(6);
    await Promise.all(Array.from({ length: 20 }, () => store().release(key, now)));
    expect((await store().peek(key, now)).count).toBe(0);
    expect((await store().hit(key, 60_000, now)).count).toBe(1);
  });

  it("hold is never lengthened while it lasts", async () => {
    const key = `hold-${Math.random()}`;
    const now = base();
    expect(await store().heldUntil(key, now)).toBeNull();
    expect(await store().hold(key, now + 60_000, now)).toBe(now + 60_000);
    expect(await store().hold(key, now + 120_000, now + 1)).toBe(now + 60_000);
    expect(await store().heldUntil(key, now + 1)).toBe(now + 60_000);
  });
});
