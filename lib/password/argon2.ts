import "server-only";
import { hash, verify } from "@node-rs/argon2";

// argon2id with OWASP's minimum (m=19 MiB, t=2, p=1). `algorithm: 2` is Algorithm.Argon2id (a const enum).
export const ARGON2_OPTIONS = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;


/** Passwords are compared in NFKC so the same characters typed on different keyboards match. */
function canonical(password: string): string {
  return password.normalize("NFKC");
}

export function hashPassword(password: string): Promise<string> {
  return hash(canonical(password), ARGON2_OPTIONS);
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
    const ok = await verify(target, canonical(password));
    return ok && storedHash != null;
  } catch {
    return false;
  }
}
