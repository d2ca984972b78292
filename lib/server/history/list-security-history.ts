import "server-only";
import type { Kysely } from "kysely";
import type { Database } from "@/lib/db/schema";
import type { SecurityEventType } from "@/lib/server/audit/record-security-event";
import type { HistoryCursor, HistoryPosition } from "@/lib/validation/history";
import { HISTORY_EVENT_TYPES } from "./history-event-types";

/** How far back the history reaches. */
export const HISTORY_DAYS = 90;
export const HISTORY_PAGE_SIZE = 20;

/** `count`: a refusal repeated within one minute is one entry (the first attempt's address and device). */
export type HistoryEntry = { id: number; type: SecurityEventType; at: number; ip: string | null; userAgent: string | null; count: number };

export type HistoryPage = {
  entries: HistoryEntry[];
  /** Where the next older page starts, when there is one. */
  older: HistoryCursor | null;
  /** Where the next newer page starts, when this is not the newest. */
  newer: HistoryCursor | null;
};

type Listing = { userId: string; position?: HistoryPosition; limit?: number; now?: number };

/**
 * One page of the account's own security events of the last 90 days, newest first. Paged by keyset on
 * (created_at, id), walking the index security_events(user_id, created_at, id): a page costs the same however long
 * the history, and rows sharing a millisecond are neither repeated nor skipped between pages.
 */
export async function listSecurityHistory(db: Kysely<Database>, { userId, position = {}, limit = HISTORY_PAGE_SIZE, now = Date.now() }: Listing): Promise<HistoryPage> {
  const forward = !position.after;
  const cursor = position.after ?? position.before;
  const direction = forward ? "desc" : "asc";
  const rows = await db
    .selectFrom("security_events")
    .select(["id", "type", "created_at", "ip", "user_agent", "repeat_count"])
    .where("user_id", "=", userId)
    .where("created_at", ">", now - HISTORY_DAYS * 86_400_000)
    .where("type", "in", HISTORY_EVENT_TYPES)
    .$if(!!cursor, (q) => q.where((eb) => eb(eb.refTuple("created_at", "id"), forward ? "<" : ">", eb.tuple(cursor!.createdAt, cursor!.id))))
    .orderBy("created_at", direction)
    .orderBy("id", direction)
    .limit(limit + 1)
    .execute();
  const more = rows.length > limit;
  const page = rows
    .slice(0, limit)
    .map((r) => ({ id: Number(r.id), type: r.type as SecurityEventType, at: Number(r.created_at), ip: r.ip, userAgent: r.user_agent, count: Number(r.repeat_count) }));
  if (!forward) page.reverse();
  const first = page[0];
  const last = page[page.length - 1];
  const cursorOf = (e: HistoryEntry): HistoryCursor => ({ createdAt: e.at, id: e.id });
  return {
    entries: page,
    older: last && (forward ? more : true) ? cursorOf(last) : null,
    newer: first && (forward ? !!cursor : more) ? cursorOf(first) : null,
  };
}
