/**
 * V8 sizes a heap for speed on a machine with memory to spare: under varied load a worker grew to 400–490 MB and
 * kept it. These trade a little collection work for a heap near the live set (about 200 MB per worker at its peak
 * in BENCHMARKS.md); a flag the operator sets (command line or NODE_OPTIONS) wins.
 */
export const WORKER_MEMORY_FLAGS = ["--optimize-for-size", "--max-semi-space-size=8"];

/** The worker flags the operator has not set already, by flag name. */
export function workerMemoryFlags(execArgv: readonly string[], nodeOptions = ""): string[] {
  const set = [...execArgv, ...nodeOptions.split(/\s+/)].map((flag) => flag.split("=")[0]);
  return WORKER_MEMORY_FLAGS.filter((flag) => !set.includes(flag.split("=")[0]));
}
