import "server-only";
import type { Selectable } from "kysely";
import type { ClientPlatform, ClientVersionRulesTable } from "@/lib/db/schema";

export type ClientVersionRule = {
  platform: ClientPlatform;
  minimum: string;
  latest: string;
  updateUrl: string;
  message: { zh: string; en: string };
  updatedAt: number;
};

/** A row as callers use it (PostgreSQL may hand bigint columns back as strings). */
export function clientVersionRuleView(row: Selectable<ClientVersionRulesTable>): ClientVersionRule {
  return {
    platform: row.platform,
    minimum: row.minimum,
    latest: row.latest,
    updateUrl: row.update_url,
    message: { zh: row.message_zh, en: row.message_en },
    updatedAt: Number(row.updated_at),
  };
}
