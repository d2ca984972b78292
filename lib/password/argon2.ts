import "server-only";
import { availableParallelism } from "node:os";
import { hash, verify } from "@node-rs/argon2";

// argon2id with OWASP's minimum (m=19 MiB, t=2, p=1). `algorithm: 2` is Algorithm.Argon2id (a const enum).
export const ARGON2_OPTIONS = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

/**
 * Hashes run at once in this process. Each holds 19 MiB for its duration, and more than the cores can compute only
 * wait in libuv's thread pool holding that memory (and delay the pool's other jobs: webcrypto, file reads). So: the
 * machine's cores shared among its server processes (scripts/server-processes.ts sets WEB_CONCURRENCY to how many
 * it runs; a process started otherwise is alone), at least one.
 */
export function hashSlotsPerProcess(cores = availableParallelism(), processes = Number(process.env.WEB_CONCURRENCY) || 1): number {
  return Math.max(1, Math.ceil(cores / processes));
}

const waiting: (() => void)[] = [];
let running = 0;

/** Runs `work` in one of the process's hash slots, first come first served. */
async function inHashSlot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= hashSlotsPerProcess()) await new Promise<void>((resolve) => waiting.push(resolve));
  else running++;
  try {
    return await work();
  } finally {
    // The slot passes straight to the next in line, if any (running stays the same).
    const next = waiting.shift();
    if (next) next();
    else running--;
  }
}

/** Passwords are compared in NFKC so the same characters typed on different keyboards match. */
function canonical(password: string): string {
  return password.normalize("NFKC");
}

export function hashPassword(password: string): Promise<string> {
  return inHashSlot(() => hash(canonical(password), ARGON2_OPTIONS));
}

let dummyHash: Promise<string> | undefined;

/**
 * Verifies a password. With no stored hash (unknown account) it still verifies against a dummy hash
 * of the same cost and returns false, so an unknown identifier takes as long as a wrong password.
 */
export async function verifyPassword(storedHash: string | null | undefined, password: string): Promise<boolean> {
  dummyHash ??= hashPassword("qianneng-timing-equaliser");
  const target = storedHash ?? (await dummyHash);
  try {
    const ok = await inHashSlot(() => verify(target, canonical(password)));
    return ok && storedHash != null;
  } catch {
    return false;
  }
}
