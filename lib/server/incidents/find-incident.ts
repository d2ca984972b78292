import "server-only";
import type { Kysely } from "kysely";
import type { Database, IncidentStatus } from "@/lib/db/schema";
import { incidentView, type Incident } from "./incident-view";

export type IncidentUpdate = { id: string; status: IncidentStatus; body: { zh: string; en: string }; createdAt: number };

/** One incident with its timeline, oldest update first; null when there is none with this id. */
export async function findIncident(db: Kysely<Database>, id: string): Promise<(Incident & { updates: IncidentUpdate[] }) | null> {
  const row = await db.selectFrom("incidents").selectAll().where("id", "=", id).executeTakeFirst();
  if (!row) return null;
  const updates = await db
    .selectFrom("incident_updates")
    .select(["id", "status", "body_zh", "body_en", "created_at"])
    .where("incident_id", "=", id)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  return {
    ...incidentView(row),
    updates: updates.map((u) => ({ id: u.id, status: u.status, body: { zh: u.body_zh, en: u.body_en }, createdAt: Number(u.created_at) })),
  };
}
