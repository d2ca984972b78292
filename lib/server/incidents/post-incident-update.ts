import "server-only";
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database, IncidentStatus } from "@/lib/db/schema";
import { recordSecurityEvent } from "@/lib/server/audit/record-security-event";
import { Refusal } from "@/lib/server/refusal";
import type { RequestContext } from "@/lib/server/request-context";

/**
 * An agent moves an open incident to a new status with a word for users; "resolved" closes it for good. The
 * status changes in one statement that also requires the incident to be open, so two parallel resolves make one.
 */
export async function postIncidentUpdate({
  db,
  agentId,
  incidentId,
  status,
  bodyZh,
  bodyEn,
  reason,
  context,
  now = Date.now(),
}: {
  db: Kysely<Database>;
  agentId: string;
  incidentId: string;
  status: IncidentStatus;
  bodyZh: string;
  bodyEn: string;
  reason: string;
  context: RequestContext;
  now?: number;
}): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const changed = await trx
      .updateTable("incidents")
      .set({ status, updated_at: now, resolved_at: status === "resolved" ? now : null })
      .where("id", "=", incidentId)
      .where("resolved_at", "is", null)
      .executeTakeFirst();
    if (Number(changed.numUpdatedRows) === 0) {
      const exists = await trx.selectFrom("incidents").select("id").where("id", "=", incidentId).executeTakeFirst();
      throw new Refusal(exists ? "incident_already_resolved" : "incident_not_found");
    }
    await trx.insertInto("incident_updates").values({ id: randomUUID(), incident_id: incidentId, status, body_zh: bodyZh, body_en: bodyEn, agent_id: agentId, created_at: now }).execute();
    const type = status === "resolved" ? "incident_resolved" : "incident_updated";
    await recordSecurityEvent(trx, { type, userId: agentId, context, detail: { actor: agentId, reason, incident: incidentId, status }, now });
  });
}
