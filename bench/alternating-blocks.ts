// Two variants of one piece of work timed in alternating blocks (A B, B A, A B, …), so drift on a shared,
// noisy machine falls on both alike; the difference is taken pair by pair.
import { median } from "./stats";

export type BlockSpec = { blockSize: number; maxPairs: number; budgetMs: number; warmUpPairs: number };

/** Per-operation figures in ms: medians over blocks, and the median of the paired differences (A − B). */
export type BlockTiming = {
  pairs: number;
  aMs: number;
  bMs: number;
  deltaMs: number;
  /** The same difference in this process's CPU time (user + system). */
  deltaCpuMs: number;
};

type Block = { wallMs: number; cpuMs: number };

async function timeBlock(work: () => Promise<void>, size: number): Promise<Block> {
  const [started, cpu] = [performance.now(), process.cpuUsage()];
  for (let i = 0; i < size; i++) await work();
  const used = process.cpuUsage(cpu);
  return { wallMs: (performance.now() - started) / size, cpuMs: (used.user + used.system) / 1000 / size };
}

async function timePair(a: () => Promise<void>, b: () => Promise<void>, size: number, aFirst: boolean): Promise<[Block, Block]> {
  if (aFirst) return [await timeBlock(a, size), await timeBlock(b, size)];
  const second = await timeBlock(b, size);
  return [await timeBlock(a, size), second];
}

export async function timeAlternating(a: () => Promise<void>, b: () => Promise<void>, spec: BlockSpec): Promise<BlockTiming> {
  for (let i = 0; i < spec.warmUpPairs; i++) await timePair(a, b, spec.blockSize, i % 2 === 0);
  const pairs: [Block, Block][] = [];
  const deadline = performance.now() + spec.budgetMs;
  while (pairs.length < spec.maxPairs && (pairs.length < 2 || performance.now() < deadline)) {
    pairs.push(await timePair(a, b, spec.blockSize, pairs.length % 2 === 0));
  }
  return {
    pairs: pairs.length,
    aMs: median(pairs.map(([x]) => x.wallMs)),
    bMs: median(pairs.map(([, y]) => y.wallMs)),
    deltaMs: median(pairs.map(([x, y]) => x.wallMs - y.wallMs)),
    deltaCpuMs: median(pairs.map(([x, y]) => x.cpuMs - y.cpuMs)),
  };
}
