import "server-only";
import type { Kysely } from "kysely";
import type { Database } from "@/lib/db/schema";
import { incidentView, type Incident } from "./incident-view";

/** Incidents resolved within the last `days` days, the most recently resolved first. */
export async function listRecentIncidents(db: Kysely<Database>, { days, now = Date.now() }: { days: number; now?: number }): Promise<Incident[]> {
  const rows = await db
    .selectFrom("incidents")
    .selectAll()
    .where("resolved_at", ">=", now - days * 86_400_000)
    .orderBy("resolved_at", "desc")
    .orderBy("id")
    .execute();
  return rows.map(incidentView);
}
