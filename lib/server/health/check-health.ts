import "server-only";
import { sql, type Kysely } from "kysely";
import type { Database } from "@/lib/db/schema";

export type Health = { status: "ok" | "degraded"; database: "ok" | "unreachable" };

const TIMEOUT_MS = 2000;

/** Asks the database a trivial question with a deadline; any failure means "unreachable", never a throw. */
export async function checkHealth(openDb: () => Promise<Kysely<Database>>): Promise<Health> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("timeout")), TIMEOUT_MS);
  });
  try {
    await Promise.race([openDb().then((db) => sql`select 1`.execute(db)), deadline]);
    return { status: "ok", database: "ok" };
  } catch {
    return { status: "degraded", database: "unreachable" };
  } finally {
    clearTimeout(timer);
  }
}
