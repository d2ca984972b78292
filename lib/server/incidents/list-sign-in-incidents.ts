import "server-only";
import { cache } from "react";
import { getDb } from "@/lib/db";
import type { Incident } from "./incident-view";
import { listOpenIncidents } from "./list-open-incidents";

/** Open incidents that stop people signing in, newest first; read once per request however many parts ask. */
export const listSignInIncidents = cache(async (): Promise<Incident[]> => (await listOpenIncidents(await getDb())).filter((incident) => incident.affectsSignIn));
