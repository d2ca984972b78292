import "server-only";
import type { Kysely } from "kysely";
import type { Database } from "@/lib/db/schema";
import { CLIENT_PLATFORMS } from "@/lib/validation/incidents";
import { clientVersionRuleView, type ClientVersionRule } from "./client-version-rule-view";

/** Every platform's rule, in the console's order (iOS, Android, HarmonyOS). */
export async function listClientVersionRules(db: Kysely<Database>): Promise<ClientVersionRule[]> {
  const rows = (await db.selectFrom("client_version_rules").selectAll().execute()).map(clientVersionRuleView);
  return rows.sort((a, b) => CLIENT_PLATFORMS.indexOf(a.platform) - CLIENT_PLATFORMS.indexOf(b.platform));
}
