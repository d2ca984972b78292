import { getDb } from "@/lib/db";
import { seedDemoData } from "@/lib/db/seed";
import { getCounterStore } from "@/lib/server/counters";

/** The demo accounts listed in the README, with paused@ paused in the counters the server uses (database or Redis). */
export async function seedDemo(): Promise<void> {
  await seedDemoData(await getDb(), { store: await getCounterStore() });
}
