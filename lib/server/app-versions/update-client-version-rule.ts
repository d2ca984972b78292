import "server-only";
import type { Kysely } from "kysely";
import type { ClientPlatform, Database } from "@/lib/db/schema";
import { recordSecurityEvent } from "@/lib/server/audit/record-security-event";
import type { RequestContext } from "@/lib/server/request-context";

export type VersionRuleInput = { platform: ClientPlatform; minimum: string; latest: string; updateUrl: string; messageZh: string; messageEn: string };

/** An agent sets a platform's rule (already validated: semver, minimum ≤ latest, https); audited with the old and new range. */
export async function updateClientVersionRule({
  db,
  agentId,
  rule,
  reason,
  context,
  now = Date.now(),
}: {
  db: Kysely<Database>;
  agentId: string;
  rule: VersionRuleInput;
  reason: string;
  context: RequestContext;
  now?: number;
}): Promise<void> {
  const { platform, minimum, latest, updateUrl, messageZh, messageEn } = rule;
  const values = { minimum, latest, update_url: updateUrl, message_zh: messageZh, message_en: messageEn, updated_by: agentId, updated_at: now };
  await db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom("client_version_rules").select(["minimum", "latest"]).where("platform", "=", platform).executeTakeFirst();
    await trx
      .insertInto("client_version_rules")
      .values({ platform, ...values })
      .onConflict((oc) => oc.column("platform").doUpdateSet(values))
      .execute();
    const detail = { actor: agentId, reason, platform, minimum, latest, ...(before ? { previousMinimum: before.minimum, previousLatest: before.latest } : {}) };
    await recordSecurityEvent(trx, { type: "client_version_rule_updated", userId: agentId, context, detail, now });
  });
}
