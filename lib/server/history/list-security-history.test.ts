import { describe, expect, it } from "vitest";
import { SECURITY_EVENT_TYPES, recordSecurityEvent, type SecurityEventType } from "@/lib/server/audit/record-security-event";
import en from "@/messages/en.json";
import zhCN from "@/messages/zh-CN.json";
import { testDatabases, useDatabase } from "@/test/databases";
import { HISTORY_EVENT_TYPES } from "./history-event-types";
import { HISTORY_DAYS, listSecurityHistory, type HistoryPage } from "./list-security-history";

const DAY = 86_400_000;
const NOW = 1_767_225_600_000;
const context = { ip: "203.0.113.9", userAgent: "vitest" };

describe.each([
  ["zh-CN", zhCN],
  ["en", en],
])("%s words for the history", (_, messages) => {
  it("word every event type the history shows", () => {
    for (const type of HISTORY_EVENT_TYPES) expect(messages.history.events, type).toHaveProperty(type);
  });

  it("word nothing the history does not show", () => {
    expect(Object.keys(messages.history.events).sort()).toEqual([...HISTORY_EVENT_TYPES].sort());
  });
});

it("shows sign-ins, failures, pauses, resets, two-step and device changes and freezes; hides steps inside a flow", () => {
  for (const type of ["sign_in_succeeded", "sign_in_failed", "sign_in_paused", "unlocked", "password_reset", "password_changed", "two_step_app_enabled", "passkey_removed", "session_revoked", "browser_trusted", "account_frozen", "account_unfrozen", "new_device_signed_in"] as const) {
    expect(HISTORY_EVENT_TYPES).toContain(type);
  }
  for (const type of ["second_step_started", "status_code_sent", "sign_in_code_sent", "identity_confirmed"] as const) {
    expect(HISTORY_EVENT_TYPES).not.toContain(type);
  }
  expect(HISTORY_EVENT_TYPES.every((type) => SECURITY_EVENT_TYPES.includes(type))).toBe(true);
});

describe.each(testDatabases())("listSecurityHistory on $name", (kind) => {
  const t = useDatabase(kind);
  let n = 0;

  async function newUser(): Promise<string> {
    const id = `history-user-${++n}`;
    await t.db
      .insertInto("users")
      .values({ id, email: `${id}@qianneng.test`, mobile: null, name: id, password_hash: null, status: "active", role: "user", locale: "zh-CN", frozen_reason: null, frozen_case_ref: null, frozen_at: null, password_changed_at: null, email_verified_at: null, created_at: NOW, updated_at: NOW })
      .execute();
    return id;
  }

  const record = (userId: string | null, type: SecurityEventType, now: number) => recordSecurityEvent(t.db, { type, userId, context, now });

  /** Every page from the newest to the oldest, following each page's "older" cursor. */
  async function walkOlder(userId: string, limit: number): Promise<HistoryPage[]> {
    const pages = [await listSecurityHistory(t.db, { userId, limit, now: NOW })];
    while (pages.at(-1)!.older) pages.push(await listSecurityHistory(t.db, { userId, position: { before: pages.at(-1)!.older! }, limit, now: NOW }));
    return pages;
  }

  it("pages newest first without repeating or skipping rows that share a millisecond, never showing another account", async () => {
    const [owner, other] = [await newUser(), await newUser()];
    // 23 rows on 5 distinct milliseconds, another account's rows interleaved on the same milliseconds.
    for (let i = 0; i < 23; i++) {
      const at = NOW - (i % 5) * 1000;
      await record(owner, i % 2 ? "sign_in_failed" : "sign_in_succeeded", at);
      await record(other, "sign_in_succeeded", at);
      await record(null, "sign_in_failed", at);
    }
    const pages = await walkOlder(owner, 5);
    expect(pages.map((p) => p.entries.length)).toEqual([5, 5, 5, 5, 3]);
    const rows = pages.flatMap((p) => p.entries);
    expect(new Set(rows.map((r) => r.id)).size).toBe(23);
    const owned = await t.db.selectFrom("security_events").select("id").where("user_id", "=", owner).execute();
    expect(rows.map((r) => r.id).sort((a, b) => a - b)).toEqual(owned.map((r) => Number(r.id)).sort((a, b) => a - b));
    // Newest first: by time, then by id within one millisecond.
    const order = rows.map((r) => [r.at, r.id]);
    expect(order).toEqual([...order].sort((a, b) => b[0] - a[0] || b[1] - a[1]));
    expect(pages[0].newer).toBeNull();
    expect(pages.at(-1)!.older).toBeNull();
    expect(rows[0]).toMatchObject({ ip: "203.0.113.9", userAgent: "vitest" });
  });

  it("walks back to the newest page through the 'newer' cursors, page for page", async () => {
    const owner = await newUser();
    for (let i = 0; i < 12; i++) await record(owner, "sign_in_succeeded", NOW - Math.floor(i / 3) * 1000);
    const older = await walkOlder(owner, 5);
    const back = [older.at(-1)!];
    while (back.at(-1)!.newer) back.push(await listSecurityHistory(t.db, { userId: owner, position: { after: back.at(-1)!.newer! }, limit: 5, now: NOW }));
    expect(back.map((p) => p.entries.map((e) => e.id))).toEqual(older.reverse().map((p) => p.entries.map((e) => e.id)));
  });

  it(`reaches back ${HISTORY_DAYS} days and no further`, async () => {
    const owner = await newUser();
    await record(owner, "sign_in_succeeded", NOW - (HISTORY_DAYS - 1) * DAY);
    await record(owner, "sign_in_failed", NOW - (HISTORY_DAYS + 1) * DAY);
    const page = await listSecurityHistory(t.db, { userId: owner, now: NOW });
    expect(page.entries.map((e) => e.type)).toEqual(["sign_in_succeeded"]);
  });

  it("leaves out the steps inside a flow", async () => {
    const owner = await newUser();
    await record(owner, "second_step_started", NOW - 2);
    await record(owner, "sign_in_succeeded", NOW - 1);
    const page = await listSecurityHistory(t.db, { userId: owner, now: NOW });
    expect(page.entries.map((e) => e.type)).toEqual(["sign_in_succeeded"]);
  });

  it("shows refusals repeated within a minute as one entry with their count", async () => {
    const owner = await newUser();
    const refused = (now: number) => recordSecurityEvent(t.db, { type: "sign_in_refused_paused", userId: owner, identifierHash: `hash-of-${owner}`, context, now });
    for (const offset of [1000, 2000, 3000]) await refused(NOW - 60_000 * 5 + offset);
    await record(owner, "sign_in_failed", NOW - 1);
    const page = await listSecurityHistory(t.db, { userId: owner, now: NOW });
    expect(page.entries.map((e) => [e.type, e.count])).toEqual([
      ["sign_in_failed", 1],
      ["sign_in_refused_paused", 3],
    ]);
  });

  it("an account without events gets an empty first page and no links", async () => {
    expect(await listSecurityHistory(t.db, { userId: await newUser(), now: NOW })).toEqual({ entries: [], older: null, newer: null });
  });
});
