import { getDb } from "@/lib/db";
import { buildServiceStatus, type StatusIncident } from "@/lib/server/incidents/build-service-status";

export const dynamic = "force-dynamic";

const iso = (at: number | null) => (at === null ? null : new Date(at).toISOString());

function incidentJson(incident: StatusIncident) {
  const { id, title, body, severity, features, affectsSignIn, status, createdAt, resolvedAt, updates } = incident;
  return {
    id,
    title,
    body,
    severity,
    features,
    affectsSignIn,
    status,
    createdAt: iso(createdAt),
    resolvedAt: iso(resolvedAt),
    updates: updates.map((u) => ({ status: u.status, body: u.body, createdAt: iso(u.createdAt) })),
  };
}

/** The service status as JSON (the same data as /status), in both languages. */
export async function GET() {
  try {
    const { open, recent } = await buildServiceStatus(await getDb());
    // The same answer for everyone (no cookie is read, nothing personal is in it): shared caches may keep it 30 s.
    return Response.json({ open: open.map(incidentJson), recent: recent.map(incidentJson) }, { headers: { "Cache-Control": "public, max-age=30" } });
  } catch (error) {
    console.error("service status failed", error);
    return Response.json({ error: "unavailable" }, { status: 503, headers: { "Cache-Control": "no-store" } });
  }
}
