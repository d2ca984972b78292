// The hash slots: never more argon2 runs at once than the slots, every waiter served in turn, a failure frees its slot.
import { beforeEach, describe, expect, it, vi } from "vitest";

const argon2 = vi.hoisted(() => ({ inFlight: 0, peak: 0, release: [] as (() => void)[] }));
vi.mock("@node-rs/argon2", () => {
  const run = async (password: string) => {
    argon2.inFlight++;
    argon2.peak = Math.max(argon2.peak, argon2.inFlight);
    await new Promise<void>((resolve) => argon2.release.push(resolve));
    argon2.inFlight--;
    if (password === "explode") throw new Error("native failure");
    return password === "right";
  };
  return { verify: (_hash: string, password: string) => run(password), hash: async (password: string) => `hash-of-${password}` };
});

const { hashSlotsPerProcess, verifyPassword } = await import("./argon2");

/** Lets every running hash finish, until all of `pending` have settled. */
async function drain(pending: Promise<unknown>[]): Promise<void> {
  let settled = false;
  void Promise.allSettled(pending).then(() => (settled = true));
  while (!settled) {
    await new Promise((resolve) => setTimeout(resolve, 1));
    argon2.release.splice(0).forEach((resolve) => resolve());
  }
}

describe("hash slots", () => {
  beforeEach(() => Object.assign(argon2, { inFlight: 0, peak: 0, release: [] }));

  it("shares the cores among the server processes, at least one each", () => {
    expect(hashSlotsPerProcess(8, 1)).toBe(8);
    expect(hashSlotsPerProcess(8, 2)).toBe(4);
    expect(hashSlotsPerProcess(8, 3)).toBe(3);
    expect(hashSlotsPerProcess(2, 2)).toBe(1);
    expect(hashSlotsPerProcess(2, 4)).toBe(1);
  });

  it("runs at most the slots at once and answers every caller, a failure included", async () => {
    const slots = hashSlotsPerProcess();
    const calls = Array.from({ length: slots * 3 }, (_, i) => verifyPassword("stored", i === 1 ? "explode" : i % 2 ? "wrong" : "right"));
    // The slots fill; the cap itself is checked by the peak once all have run.
    await vi.waitFor(() => expect(argon2.inFlight).toBe(slots));
    await drain(calls);
    const results = await Promise.all(calls);
    expect(argon2.peak).toBe(slots);
    expect(results).toEqual(Array.from({ length: slots * 3 }, (_, i) => i % 2 === 0));
    expect(argon2.inFlight).toBe(0);
  });
});
