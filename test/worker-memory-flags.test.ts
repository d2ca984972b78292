import { describe, expect, it } from "vitest";
import { WORKER_MEMORY_FLAGS, workerMemoryFlags } from "@/scripts/worker-memory-flags";

describe("the workers' memory flags", () => {
  it("adds each flag the operator has not set, on the command line or in NODE_OPTIONS", () => {
    expect(workerMemoryFlags([])).toEqual(WORKER_MEMORY_FLAGS);
    expect(workerMemoryFlags(["--max-semi-space-size=32"])).toEqual(["--optimize-for-size"]);
    expect(workerMemoryFlags([], "--enable-source-maps --optimize-for-size")).toEqual(["--max-semi-space-size=8"]);
    expect(workerMemoryFlags(["--optimize-for-size"], "--max-semi-space-size=4")).toEqual([]);
  });
});
