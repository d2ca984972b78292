import "server-only";
import { getDb } from "@/lib/db";
import { listOpenIncidents } from "@/lib/server/incidents/list-open-incidents";

/** The open incidents that the sign-in page shows (banner, failure note), as one string that changes with any of them. */
export async function readSignInIncidentState(): Promise<string> {
  const incidents = (await listOpenIncidents(await getDb())).filter((incident) => incident.affectsSignIn);
  return JSON.stringify(incidents.map((incident) => [incident.id, incident.updatedAt, incident.title]));
}
