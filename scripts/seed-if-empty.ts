import { getDb } from "@/lib/db";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/lib/db/seed";
import { seedDemo } from "./seed-demo";

/** First `npm run dev`: create the demo accounts, then print how to sign in. */
export async function seedIfEmpty(): Promise<void> {
  const db = await getDb();
  const { count } = await db.selectFrom("users").select((eb) => eb.fn.countAll<number>().as("count")).executeTakeFirstOrThrow();
  if (Number(count) === 0) {
    await seedDemo();
    console.log("Seeded the demo accounts (npm run db:seed re-applies them).");
  }
  printDemoSignIns();
}

export function printDemoSignIns(): void {
  console.log(`Demo sign-ins (password ${DEMO_PASSWORD}):`);
  for (const account of DEMO_ACCOUNTS) {
    console.log(`  ${[account.email, account.mobile].filter(Boolean).join(" / ").padEnd(40)} ${account.note}`);
  }
}
