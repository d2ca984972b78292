import "server-only";
import type { User } from "@/lib/db/schema";
import { hashIdentifier } from "@/lib/server/audit/hash-identifier";
import type { CounterStore } from "@/lib/server/counters";

/** Clears the pause counters of every identifier of an account (after a sign-in, unlock or password reset). */
export async function clearAccountFailures(store: CounterStore, user: Pick<User, "email" | "mobile">): Promise<void> {
  const identifiers = [user.email, user.mobile].filter((v): v is string => Boolean(v));
  await store.clearFailures(identifiers.map(hashIdentifier));
}
