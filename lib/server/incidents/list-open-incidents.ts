import "server-only";
import type { Kysely } from "kysely";
import type { Database } from "@/lib/db/schema";
import { incidentView, type Incident } from "./incident-view";

/** Every incident not yet resolved, newest first. */
export async function listOpenIncidents(db: Kysely<Database>): Promise<Incident[]> {
  const rows = await db.selectFrom("incidents").selectAll().where("resolved_at", "is", null).orderBy("created_at", "desc").orderBy("id").execute();
  return rows.map(incidentView);
}
