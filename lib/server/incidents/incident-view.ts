import "server-only";
import type { Selectable } from "kysely";
import type { IncidentSeverity, IncidentStatus, IncidentsTable } from "@/lib/db/schema";
import { INCIDENT_FEATURES, type IncidentFeature } from "@/lib/validation/incidents";

export type Incident = {
  id: string;
  title: { zh: string; en: string };
  body: { zh: string; en: string };
  severity: IncidentSeverity;
  features: IncidentFeature[];
  affectsSignIn: boolean;
  status: IncidentStatus;
  createdAt: number;
  updatedAt: number;
  resolvedAt: number | null;
};

/** A row as callers use it: a real boolean and numbers (PostgreSQL may hand bigint columns back as strings). */
export function incidentView(row: Selectable<IncidentsTable>): Incident {
  return {
    id: row.id,
    title: { zh: row.title_zh, en: row.title_en },
    body: { zh: row.body_zh, en: row.body_en },
    severity: row.severity,
    features: featuresOf(row.features),
    affectsSignIn: Number(row.affects_sign_in) === 1,
    status: row.status,
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
    resolvedAt: row.resolved_at === null ? null : Number(row.resolved_at),
  };
}

/** The stored JSON list, in the fixed order and without names this build does not know. */
function featuresOf(stored: string): IncidentFeature[] {
  const names: unknown = JSON.parse(stored);
  return INCIDENT_FEATURES.filter((feature) => Array.isArray(names) && names.includes(feature));
}
