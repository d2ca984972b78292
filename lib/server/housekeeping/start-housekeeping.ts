import "server-only";
import { getDb } from "@/lib/db";
import { pruneExpired } from "./prune-expired";

const EVERY_MS = 10 * 60_000;

/** Prunes expired rows every 10 minutes in each instance (idempotent, so instances need no coordination). */
export async function startHousekeeping(): Promise<{ stop: () => Promise<void> }> {
  const db = await getDb();
  const run = () =>
    pruneExpired(db).catch((error: Error) => {
      console.error("[housekeeping] prune failed:", error.message);
    });
  const timer = setInterval(run, EVERY_MS);
  timer.unref();
  void run();
  return {
    stop: async () => clearInterval(timer),
  };
}
