import "server-only";
import { getDb } from "@/lib/db";
import { getCounterStore } from "@/lib/server/counters";
import { sendDueRecoveryLinks } from "@/lib/server/recovery/send-due-recovery-links";
import { applyDueResetHolds } from "@/lib/server/reset/apply-due-reset-holds";
import { pruneExpired } from "./prune-expired";

const EVERY_MS = 10 * 60_000;

/**
 * Every 10 minutes in each instance: prunes expired rows, puts in place new passwords whose wait is over and sends
 * approved recoveries' reset links whose hold is over (all safe to run in several instances at once).
 */
export async function startHousekeeping(): Promise<{ stop: () => Promise<void> }> {
  const db = await getDb();
  const store = await getCounterStore();
  const run = async () => {
    await pruneExpired(db).catch((error: Error) => {
      console.error("[housekeeping] prune failed:", error.message);
    });
    await applyDueResetHolds(db, store).catch((error: Error) => {
      console.error("[housekeeping] applying reset holds failed:", error.message);
    });
    await sendDueRecoveryLinks(db).catch((error: Error) => {
      console.error("[housekeeping] sending recovery links failed:", error.message);
    });
  };
  const timer = setInterval(run, EVERY_MS);
  timer.unref();
  void run();
  return {
    stop: async () => clearInterval(timer),
  };
}
