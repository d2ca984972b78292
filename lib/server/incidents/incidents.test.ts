import { beforeEach, describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS, seedDemoData } from "@/lib/db/seed";
import { findClientVersionRule } from "@/lib/server/app-versions/find-client-version-rule";
import { listClientVersionRules } from "@/lib/server/app-versions/list-client-version-rules";
import { updateClientVersionRule } from "@/lib/server/app-versions/update-client-version-rule";
import { testDatabases, useDatabase } from "@/test/databases";
import { outcomeOf } from "@/test/outcome";
import { createIncident, type NewIncident } from "./create-incident";
import { findIncident } from "./find-incident";
import { listOpenIncidents } from "./list-open-incidents";
import { listRecentIncidents } from "./list-recent-incidents";
import { postIncidentUpdate } from "./post-incident-update";

const AGENT = DEMO_ACCOUNTS[4];
const context = { ip: "203.0.113.9", userAgent: "vitest" };
const REASON = "status page for the SMS outage";
const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 20, 8);
const OUTAGE: NewIncident = { titleZh: "短信验证码延迟", titleEn: "SMS codes delayed", bodyZh: "部分用户收不到验证码。", bodyEn: "Some users do not receive codes.", severity: "major", features: ["verification_codes"] };

describe.each(testDatabases())("service incidents and version rules on $name", (kind) => {
  const t = useDatabase(kind);
  const eventsOf = async (type: string) =>
    (await t.db.selectFrom("security_events").select(["user_id", "detail"]).where("type", "=", type).execute()).map((e) => ({ userId: e.user_id, ...JSON.parse(e.detail ?? "{}") }));
  const create = (incident = OUTAGE, now = NOW) => createIncident({ db: t.db, agentId: AGENT.id, incident, reason: REASON, context, now });
  const update = (incidentId: string, status: "identified" | "monitoring" | "resolved", now = NOW + 1000) =>
    postIncidentUpdate({ db: t.db, agentId: AGENT.id, incidentId, status, bodyZh: "已找到原因。", bodyEn: "Cause found.", reason: REASON, context, now });

  beforeEach(async () => {
    await t.db.deleteFrom("incidents").execute();
    await t.db.deleteFrom("client_version_rules").execute();
    await t.db.deleteFrom("security_events").execute();
    await seedDemoData(t.db);
  });

  it("an incident is created investigating, listed as open with its flags, and audited with the agent", async () => {
    const id = await create();
    const [open] = await listOpenIncidents(t.db);
    expect(open).toMatchObject({ id, title: { zh: OUTAGE.titleZh, en: OUTAGE.titleEn }, severity: "major", features: ["verification_codes"], affectsSignIn: true, status: "investigating", createdAt: NOW, resolvedAt: null });
    expect((await findIncident(t.db, id))?.updates).toEqual([expect.objectContaining({ status: "investigating", body: { zh: OUTAGE.bodyZh, en: OUTAGE.bodyEn }, createdAt: NOW })]);
    expect(await eventsOf("incident_created")).toEqual([expect.objectContaining({ userId: AGENT.id, actor: AGENT.id, reason: REASON, incident: id })]);
  });

  it("updates move the status and extend the timeline; resolving ends it, moves it to the recent list and cannot be repeated", async () => {
    const id = await create();
    await update(id, "identified");
    expect((await listOpenIncidents(t.db))[0].status).toBe("identified");
    await update(id, "resolved", NOW + 2000);
    expect(await listOpenIncidents(t.db)).toEqual([]);
    expect(await listRecentIncidents(t.db, { days: 7, now: NOW + 3000 })).toEqual([expect.objectContaining({ id, status: "resolved", resolvedAt: NOW + 2000 })]);
    expect((await findIncident(t.db, id))?.updates.map((u) => u.status)).toEqual(["investigating", "identified", "resolved"]);
    expect(await outcomeOf(update(id, "monitoring"))).toEqual({ refused: "incident_already_resolved" });
    expect((await findIncident(t.db, id))?.updates).toHaveLength(3);
    expect(await eventsOf("incident_updated")).toEqual([expect.objectContaining({ actor: AGENT.id, status: "identified", incident: id })]);
    expect(await eventsOf("incident_resolved")).toEqual([expect.objectContaining({ actor: AGENT.id, reason: REASON, incident: id })]);
  });

  it("parallel resolves of one incident: exactly one is recorded", async () => {
    const id = await create();
    const outcomes = await Promise.all([0, 1, 2, 3].map(() => outcomeOf(update(id, "resolved"))));
    expect(outcomes.filter((o) => o === undefined)).toHaveLength(1);
    expect(outcomes.filter((o) => o !== undefined)).toEqual([{ refused: "incident_already_resolved" }, { refused: "incident_already_resolved" }, { refused: "incident_already_resolved" }]);
    expect(await eventsOf("incident_resolved")).toHaveLength(1);
  });

  it("an unknown incident is refused and nothing is written", async () => {
    expect(await outcomeOf(update("no-such-incident", "resolved"))).toEqual({ refused: "incident_not_found" });
    expect(await t.db.selectFrom("incident_updates").select("id").execute()).toEqual([]);
  });

  it("the recent list holds only incidents resolved within the given days", async () => {
    const old = await create({ ...OUTAGE, features: ["payments"], severity: "minor" }, NOW - 20 * DAY);
    await update(old, "resolved", NOW - 10 * DAY);
    const fresh = await create(OUTAGE, NOW - DAY);
    await update(fresh, "resolved", NOW - DAY / 2);
    await create(OUTAGE, NOW);
    expect((await listRecentIncidents(t.db, { days: 7, now: NOW })).map((i) => i.id)).toEqual([fresh]);
    expect((await listRecentIncidents(t.db, { days: 14, now: NOW })).map((i) => i.id)).toEqual([fresh, old]);
    expect((await listRecentIncidents(t.db, { days: 14, now: NOW }))[1]).toMatchObject({ features: ["payments"], affectsSignIn: false, severity: "minor" });
  });

  it("the seed gives every platform a rule and keeps an agent's edit when run again", async () => {
    expect((await listClientVersionRules(t.db)).map((r) => r.platform)).toEqual(["ios", "android", "harmony"]);
    const rule = { platform: "android" as const, minimum: "5.6.0", latest: "5.9.0", updateUrl: "https://example.test/apk", messageZh: "请更新。", messageEn: "Please update." };
    await updateClientVersionRule({ db: t.db, agentId: AGENT.id, rule, reason: REASON, context, now: NOW });
    await seedDemoData(t.db);
    expect(await findClientVersionRule(t.db, "android")).toEqual({ platform: "android", minimum: "5.6.0", latest: "5.9.0", updateUrl: "https://example.test/apk", message: { zh: "请更新。", en: "Please update." }, updatedAt: NOW });
    expect((await findClientVersionRule(t.db, "ios"))?.minimum).toBe("5.2.0");
    expect(await eventsOf("client_version_rule_updated")).toEqual([
      expect.objectContaining({ userId: AGENT.id, actor: AGENT.id, reason: REASON, platform: "android", minimum: "5.6.0", latest: "5.9.0", previousMinimum: "5.2.0" }),
    ]);
  });

  it("a platform without a rule has none", async () => {
    await t.db.deleteFrom("client_version_rules").where("platform", "=", "harmony").execute();
    expect(await findClientVersionRule(t.db, "harmony")).toBeNull();
  });
});
