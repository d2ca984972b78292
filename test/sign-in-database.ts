// The process database (getDb(): the setup file's fresh SQLite file) seeded with the demo data, for tests of the
// sign-in path: the audit log and the sign-in counters are emptied before each test.
import type { Kysely } from "kysely";
import { afterAll, beforeAll, beforeEach, expect } from "vitest";
import { getDb } from "@/lib/db";
import type { Database } from "@/lib/db/schema";
import { seedDemoData } from "@/lib/db/seed";

/** Registers the hooks; the returned function gives the database once the first beforeAll has run. */
export function withSignInDatabase(): () => Kysely<Database> {
  let db: Kysely<Database> | undefined;
  beforeAll(async () => {
    expect(process.env.DATABASE_URL).toMatch(/^file:.*qn-vitest-/); // never the developer's data/portal.db
    db = await getDb();
    await seedDemoData(db);
  });
  afterAll(async () => {
    await db?.destroy();
  });
  beforeEach(async () => {
    for (const table of ["security_events", "sign_in_failures", "rate_counters"] as const) await db!.deleteFrom(table).execute();
  });
  return () => db!;
}
