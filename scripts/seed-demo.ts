import type { Kysely } from "kysely";
import { getConfig } from "@/lib/config";
import type { Database } from "@/lib/db/schema";
import { seedDemoData } from "@/lib/db/seed";
import { openCounterStore } from "@/lib/server/counters/open-counter-store";

/** The demo accounts listed in the README, with paused@ paused in the counters the server uses (database or Redis). */
export async function seedDemo(db: Kysely<Database>): Promise<void> {
  const store = await openCounterStore(getConfig(), db);
  try {
    await seedDemoData(db, { store });
  } finally {
    await store.close();
  }
}
