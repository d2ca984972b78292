import { beforeEach, describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS, seedDemoData } from "@/lib/db/seed";
import { migrations } from "@/lib/db/migrations";
import { testDatabases, useDatabase } from "@/test/databases";
import { featuresAffectSignIn, INCIDENT_FEATURES, type IncidentFeature } from "@/lib/validation/incidents";
import { buildServiceStatus } from "./build-service-status";
import { createIncident, type NewIncident } from "./create-incident";
import { postIncidentUpdate } from "./post-incident-update";

const AGENT = DEMO_ACCOUNTS[4];
const context = { ip: "203.0.113.9", userAgent: "vitest" };
const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 20, 8);
const incident = (title: string, features: IncidentFeature[]): NewIncident => ({ titleZh: `${title}（中）`, titleEn: title, bodyZh: "正在调查。", bodyEn: "Investigating.", severity: "major", features });

describe("which features stop sign-in", () => {
  it("sign-in, password reset and verification codes do; payments and the mobile app alone do not", () => {
    expect(INCIDENT_FEATURES.filter((f) => featuresAffectSignIn([f]))).toEqual(["sign_in", "password_reset", "verification_codes"]);
    expect(featuresAffectSignIn(["payments", "mobile_app"])).toBe(false);
    expect(featuresAffectSignIn(["payments", "password_reset"])).toBe(true);
  });
});

describe.each(testDatabases())("the service status on $name", (kind) => {
  const t = useDatabase(kind);
  const create = (title: string, features: IncidentFeature[], now: number) => createIncident({ db: t.db, agentId: AGENT.id, incident: incident(title, features), reason: "status test", context, now });
  const post = (incidentId: string, status: "identified" | "resolved", now: number) =>
    postIncidentUpdate({ db: t.db, agentId: AGENT.id, incidentId, status, bodyZh: `${status}（中）`, bodyEn: status, reason: "status test", context, now });

  beforeEach(async () => {
    await t.db.deleteFrom("incidents").execute();
    await seedDemoData(t.db);
  });

  it("nothing open and nothing recent: both lists are empty", async () => {
    expect(await buildServiceStatus(t.db, { now: NOW })).toEqual({ open: [], recent: [] });
  });

  it("open incidents newest first with updates newest first; resolved ones within 30 days under recent, older ones gone", async () => {
    const older = await create("Payments slow", ["payments"], NOW - 2 * DAY);
    const newer = await create("Sign-in failing", ["sign_in", "mobile_app"], NOW - DAY);
    await post(newer, "identified", NOW - DAY + 60_000);
    const recent = await create("Reset mails late", ["password_reset"], NOW - 29 * DAY);
    await post(recent, "resolved", NOW - 29 * DAY + 1000);
    const gone = await create("Old outage", ["sign_in"], NOW - 40 * DAY);
    await post(gone, "resolved", NOW - 31 * DAY);

    const { open, recent: resolved } = await buildServiceStatus(t.db, { now: NOW });
    expect(open.map((i) => i.id)).toEqual([newer, older]);
    expect(open[0]).toMatchObject({ title: { zh: "Sign-in failing（中）", en: "Sign-in failing" }, features: ["sign_in", "mobile_app"], affectsSignIn: true, status: "identified", createdAt: NOW - DAY, resolvedAt: null });
    expect(open[0].updates.map((u) => [u.status, u.body.en, u.createdAt])).toEqual([
      ["identified", "identified", NOW - DAY + 60_000],
      ["investigating", "Investigating.", NOW - DAY],
    ]);
    expect(open[1]).toMatchObject({ features: ["payments"], affectsSignIn: false });
    expect(resolved.map((i) => i.id)).toEqual([recent]);
    expect(resolved[0]).toMatchObject({ features: ["password_reset"], affectsSignIn: true, status: "resolved", resolvedAt: NOW - 29 * DAY + 1000 });
    expect(resolved[0].updates.map((u) => u.status)).toEqual(["resolved", "investigating"]);
    // A day later the same incident has left the 30-day window.
    expect((await buildServiceStatus(t.db, { now: NOW + 2 * DAY })).recent).toEqual([]);
  });

  it("every feature survives the round trip, in the fixed order whatever order it was given in", async () => {
    await create("Everything", [...INCIDENT_FEATURES].reverse(), NOW);
    const [stored] = (await buildServiceStatus(t.db, { now: NOW })).open;
    expect(stored.features).toEqual([...INCIDENT_FEATURES]);
    expect(stored.affectsSignIn).toBe(true);
  });

  it("the migration gives incidents posted before it their sign-in flag as features", async () => {
    await create("Flagged", ["sign_in"], NOW);
    await create("Not flagged", ["payments"], NOW - 1000);
    await t.db.updateTable("incidents").set({ features: "[]" }).execute();
    await migrations["0015-incident-features"].down?.(t.db);
    await migrations["0015-incident-features"].up(t.db);
    const { open } = await buildServiceStatus(t.db, { now: NOW });
    expect(open.map((i) => [i.title.en, i.features])).toEqual([
      ["Flagged", ["sign_in"]],
      ["Not flagged", []],
    ]);
  });
});
