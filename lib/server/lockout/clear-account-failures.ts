import "server-only";
import type { User } from "@/lib/db/schema";
import { hashIdentifier } from "@/lib/server/audit/hash-identifier";
import type { CounterStore } from "@/lib/server/counters";
import { accountPauseKey } from "./pause-key";

/** Clears an account's pause count, and any its identifiers gathered before they had an account (sign-in, unlock, reset). */
export async function clearAccountFailures(store: CounterStore, user: Pick<User, "id" | "email" | "mobile">): Promise<void> {
  const identifiers = [user.email, user.mobile].filter((v): v is string => Boolean(v));
  await store.clearFailures([accountPauseKey(user.id), ...identifiers.map(hashIdentifier)]);
}
