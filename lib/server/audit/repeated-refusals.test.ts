// PRODUCT §14: a refusal repeated from one identifier is one event with a count per minute — also when the
// refusals arrive at once — while every other event stays a row of its own.
import { beforeEach, describe, expect, it } from "vitest";
import { testDatabases, useDatabase } from "@/test/databases";
import { recordSecurityEvent, repeatKeyOf } from "./record-security-event";

const MINUTE = 60_000;
const T0 = Date.UTC(2026, 10, 30, 4, 0, 0);
const context = { ip: "203.0.113.7", userAgent: "vitest" };

describe.each(testDatabases())("repeated refusals on $name", (kind) => {
  const t = useDatabase(kind);
  const rows = () => t.db.selectFrom("security_events").select(["type", "identifier_hash", "ip", "created_at", "repeat_count"]).orderBy("id").execute();

  beforeEach(async () => {
    await t.db.deleteFrom("security_events").execute();
  });

  it("counts the same refusal from one identifier within a minute on one row, the first attempt's", async () => {
    for (let i = 0; i < 5; i++) {
      await recordSecurityEvent(t.db, { type: "sign_in_refused_paused", identifierHash: "id-a", context: { ...context, ip: `198.51.100.${i}` }, now: T0 + i * 1000 });
    }
    expect(await rows()).toEqual([{ type: "sign_in_refused_paused", identifier_hash: "id-a", ip: "198.51.100.0", created_at: T0, repeat_count: 5 }]);
  });

  it("starts a new row for the next minute, another identifier or another refusal", async () => {
    await recordSecurityEvent(t.db, { type: "sign_in_refused_paused", identifierHash: "id-a", context, now: T0 });
    await recordSecurityEvent(t.db, { type: "sign_in_refused_paused", identifierHash: "id-a", context, now: T0 + MINUTE });
    await recordSecurityEvent(t.db, { type: "sign_in_refused_paused", identifierHash: "id-b", context, now: T0 });
    await recordSecurityEvent(t.db, { type: "sign_in_rate_limited", identifierHash: "id-a", context, now: T0 });
    expect((await rows()).map((r) => [r.type, r.identifier_hash, r.created_at, r.repeat_count])).toEqual([
      ["sign_in_refused_paused", "id-a", T0, 1],
      ["sign_in_refused_paused", "id-a", T0 + MINUTE, 1],
      ["sign_in_refused_paused", "id-b", T0, 1],
      ["sign_in_rate_limited", "id-a", T0, 1],
    ]);
  });

  it("keeps every other event a row of its own, failures included", async () => {
    for (let i = 0; i < 3; i++) await recordSecurityEvent(t.db, { type: "sign_in_failed", identifierHash: "id-a", context, now: T0 });
    expect((await rows()).map((r) => r.repeat_count)).toEqual([1, 1, 1]);
    expect(repeatKeyOf({ type: "sign_in_succeeded", identifierHash: "id-a" }, T0)).toBeNull();
    expect(repeatKeyOf({ type: "sign_in_refused_paused", identifierHash: null }, T0)).toBeNull();
  });

  it("counts a burst of simultaneous refusals exactly", async () => {
    await Promise.all(Array.from({ length: 40 }, () => recordSecurityEvent(t.db, { type: "sign_in_refused_throttled", identifierHash: "id-c", context, now: T0 + 5 })));
    expect((await rows()).map((r) => r.repeat_count)).toEqual([40]);
  });
});
