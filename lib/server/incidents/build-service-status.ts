import "server-only";
import type { Kysely } from "kysely";
import type { Database } from "@/lib/db/schema";
import type { IncidentUpdate } from "./find-incident";
import type { Incident } from "./incident-view";
import { listOpenIncidents } from "./list-open-incidents";
import { listRecentIncidents } from "./list-recent-incidents";

/** How far back the status page and API list resolved incidents. */
export const STATUS_RECENT_DAYS = 30;

export type StatusIncident = Incident & { updates: IncidentUpdate[] };
export type ServiceStatus = { open: StatusIncident[]; recent: StatusIncident[] };

/**
 * What /status and GET /api/status show: open incidents (newest first), then those resolved in the last 30 days
 * (most recently resolved first), each with its updates newest first.
 */
export async function buildServiceStatus(db: Kysely<Database>, { now = Date.now() }: { now?: number } = {}): Promise<ServiceStatus> {
  const [open, recent] = await Promise.all([listOpenIncidents(db), listRecentIncidents(db, { days: STATUS_RECENT_DAYS, now })]);
  const ids = [...open, ...recent].map((incident) => incident.id);
  const rows = ids.length
    ? await db
        .selectFrom("incident_updates")
        .select(["id", "incident_id", "status", "body_zh", "body_en", "created_at"])
        .where("incident_id", "in", ids)
        .orderBy("created_at", "desc")
        .orderBy("id")
        .execute()
    : [];
  const withUpdates = (incident: Incident): StatusIncident => ({
    ...incident,
    updates: rows
      .filter((u) => u.incident_id === incident.id)
      .map((u) => ({ id: u.id, status: u.status, body: { zh: u.body_zh, en: u.body_en }, createdAt: Number(u.created_at) })),
  });
  return { open: open.map(withUpdates), recent: recent.map(withUpdates) };
}
