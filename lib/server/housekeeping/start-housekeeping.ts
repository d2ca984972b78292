import type { Config } from "@/lib/config";
import { createDb } from "@/lib/db/create-db";
import { pruneExpired } from "./prune-expired";

const EVERY_MS = 10 * 60_000;

/** Prunes expired rows every 10 minutes in each instance (idempotent, so instances need no coordination). */
export async function startHousekeeping(config: Pick<Config, "DATABASE_URL">): Promise<{ stop: () => Promise<void> }> {
  const db = await createDb(config.DATABASE_URL);
  const run = () =>
    pruneExpired(db).catch((error: Error) => {
      console.error("[housekeeping] prune failed:", error.message);
    });
  const timer = setInterval(run, EVERY_MS);
  timer.unref();
  void run();
  return {
    stop: async () => {
      clearInterval(timer);
      await db.destroy();
    },
  };
}
