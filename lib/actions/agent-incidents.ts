"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/lib/db";
import { defineFormAction } from "@/lib/server/actions/define-form-action";
import { updateClientVersionRule } from "@/lib/server/app-versions/update-client-version-rule";
import { createIncident } from "@/lib/server/incidents/create-incident";
import { postIncidentUpdate } from "@/lib/server/incidents/post-incident-update";
import { getRequestContext } from "@/lib/server/request-context";
import { featureField, INCIDENT_FEATURES, incidentCreateSchema, incidentUpdateSchema, versionRuleSchema } from "@/lib/validation/incidents";

const agentOnly = { session: "full" as const, role: "agent" as const };

/** Posts a new incident and opens its page. */
export const agentCreateIncidentAction = defineFormAction(
  { ...agentOnly, echo: ["titleZh", "titleEn", "bodyZh", "bodyEn", "severity", ...INCIDENT_FEATURES.map(featureField), "reason"], schema: incidentCreateSchema },
  async ({ reason, ...incident }, { signedIn }) => {
    const id = await createIncident({ db: await getDb(), agentId: signedIn.user.id, incident, reason, context: await getRequestContext() });
    revalidatePath("/admin/incidents");
    redirect(`/admin/incidents/${id}`);
  },
);

/** Moves an open incident to a new status (resolving it ends it). */
export const agentUpdateIncidentAction = defineFormAction(
  { ...agentOnly, echo: ["status", "bodyZh", "bodyEn", "reason"], schema: incidentUpdateSchema },
  async ({ incidentId, status, bodyZh, bodyEn, reason }, { signedIn }) => {
    await postIncidentUpdate({ db: await getDb(), agentId: signedIn.user.id, incidentId, status, bodyZh, bodyEn, reason, context: await getRequestContext() });
    revalidatePath(`/admin/incidents/${incidentId}`);
    revalidatePath("/admin/incidents");
  },
);

/** Sets one platform's minimum and latest app versions. */
export const agentUpdateVersionRuleAction = defineFormAction(
  { ...agentOnly, echo: ["minimum", "latest", "updateUrl", "messageZh", "messageEn", "reason"], schema: versionRuleSchema },
  async ({ reason, ...rule }, { signedIn }) => {
    await updateClientVersionRule({ db: await getDb(), agentId: signedIn.user.id, rule, reason, context: await getRequestContext() });
    revalidatePath("/admin/app-versions");
  },
);
