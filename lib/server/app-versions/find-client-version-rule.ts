import "server-only";
import type { Kysely } from "kysely";
import type { ClientPlatform, Database } from "@/lib/db/schema";
import { clientVersionRuleView, type ClientVersionRule } from "./client-version-rule-view";

/** The version rule of one platform, or null when none is set. */
export async function findClientVersionRule(db: Kysely<Database>, platform: ClientPlatform): Promise<ClientVersionRule | null> {
  const row = await db.selectFrom("client_version_rules").selectAll().where("platform", "=", platform).executeTakeFirst();
  return row ? clientVersionRuleView(row) : null;
}
