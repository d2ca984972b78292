import "server-only";
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database, IncidentSeverity } from "@/lib/db/schema";
import { recordSecurityEvent } from "@/lib/server/audit/record-security-event";
import type { RequestContext } from "@/lib/server/request-context";
import { featuresAffectSignIn, type IncidentFeature } from "@/lib/validation/incidents";

export type NewIncident = { titleZh: string; titleEn: string; bodyZh: string; bodyEn: string; severity: IncidentSeverity; features: IncidentFeature[] };

/**
 * An agent posts an incident, "investigating" at first; its text is the timeline's first entry. Audited. Whether it
 * affects sign-in follows from its features.
 */
export async function createIncident({
  db,
  agentId,
  incident,
  reason,
  context,
  now = Date.now(),
}: {
  db: Kysely<Database>;
  agentId: string;
  incident: NewIncident;
  reason: string;
  context: RequestContext;
  now?: number;
}): Promise<string> {
  const id = randomUUID();
  const { titleZh, titleEn, bodyZh, bodyEn, severity, features } = incident;
  const affectsSignIn = featuresAffectSignIn(features);
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto("incidents")
      .values({
        id,
        title_zh: titleZh,
        title_en: titleEn,
        body_zh: bodyZh,
        body_en: bodyEn,
        severity,
        affects_sign_in: affectsSignIn ? 1 : 0,
        features: JSON.stringify(features),
        status: "investigating",
        created_by: agentId,
        created_at: now,
        updated_at: now,
        resolved_at: null,
      })
      .execute();
    await trx.insertInto("incident_updates").values({ id: randomUUID(), incident_id: id, status: "investigating", body_zh: bodyZh, body_en: bodyEn, agent_id: agentId, created_at: now }).execute();
    await recordSecurityEvent(trx, { type: "incident_created", userId: agentId, context, detail: { actor: agentId, reason, incident: id, severity, features: features.join(","), affectsSignIn }, now });
  });
  return id;
}
