// Incidents and version rules through the real actions: only an agent with an app or passkey changes anything;
// every field is checked with a message next to it, and every change is audited with the agent's id.
import type { Kysely } from "kysely";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db";
import type { Database } from "@/lib/db/schema";
import { DEMO_ACCOUNTS, seedDemoData } from "@/lib/db/seed";
import { createSession } from "@/lib/server/sessions/create-session";
import { agentCreateIncidentAction, agentUpdateIncidentAction, agentUpdateVersionRuleAction } from "./agent-incidents";
import { formData } from "@/test/form-data";

const claims = vi.hoisted(() => ({ current: null as null | { user: { id: string }; sessionId: string; purpose: string } }));
vi.mock("@/auth", () => ({ auth: async () => claims.current, signIn: vi.fn(), signOut: vi.fn() }));
vi.mock("next/headers", () => ({ cookies: async () => ({ get: () => undefined, set: () => {} }), headers: async () => new Headers() }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const [DEMO, PAUSED, , , AGENT] = DEMO_ACCOUNTS;
const context = { ip: "203.0.113.5", userAgent: "vitest" };
const REASON = "users report SMS delays";
const INCIDENT = { titleZh: "短信延迟", titleEn: "SMS delayed", bodyZh: "正在调查。", bodyEn: "Investigating.", severity: "major", feature_verification_codes: "on", feature_payments: "on", reason: REASON };
const RULE = { platform: "android", minimum: "5.6.0", latest: "5.9.0", updateUrl: "https://www.qianneng.test/download/android", messageZh: "请更新。", messageEn: "Please update.", reason: REASON };
let db: Kysely<Database>;

async function signInAs(userId: string) {
  const { id } = await createSession(db, { userId, persistent: false, context });
  claims.current = { user: { id: userId }, sessionId: id, purpose: "full" };
}

/** The incident page a successful create redirects to. */
async function redirectOf(work: Promise<unknown>): Promise<string> {
  const error = (await work.then(() => null, (e: unknown) => e)) as { digest?: string } | null;
  return error?.digest?.split(";")[2] ?? "none";
}

const incidents = () => db.selectFrom("incidents").selectAll().execute();
const android = async () => (await db.selectFrom("client_version_rules").selectAll().where("platform", "=", "android").executeTakeFirstOrThrow()).minimum;
const auditOf = async (type: string) => (await db.selectFrom("security_events").select(["user_id", "detail"]).where("type", "=", type).execute()).map((e) => ({ userId: e.user_id, ...JSON.parse(e.detail!) }));

beforeAll(async () => {
  db = await getDb();
});
beforeEach(async () => {
  await db.deleteFrom("incidents").execute();
  await db.deleteFrom("client_version_rules").execute();
  await seedDemoData(db);
  await db.deleteFrom("security_events").execute();
  claims.current = null;
});

describe("incidents and version rules in the console", () => {
  it("a visitor, a user and an agent without an app or passkey are refused every change, and nothing changes", async () => {
    await db.updateTable("users").set({ role: "agent" }).where("id", "=", PAUSED.id).execute();
    for (const who of [null, DEMO.id, PAUSED.id]) {
      if (who) await signInAs(who);
      expect(await agentCreateIncidentAction({}, formData(INCIDENT))).toMatchObject({ code: "not_permitted" });
      expect(await agentUpdateIncidentAction({}, formData({ incidentId: "x", status: "resolved", bodyZh: "好", bodyEn: "ok", reason: REASON }))).toMatchObject({ code: "not_permitted" });
      expect(await agentUpdateVersionRuleAction({}, formData(RULE))).toMatchObject({ code: "not_permitted" });
    }
    expect(await incidents()).toEqual([]);
    expect(await android()).toBe("5.2.0");
    expect(await db.selectFrom("security_events").select("id").execute()).toEqual([]);
  });

  it("an agent posts an incident, updates and resolves it; each step is audited with the agent's id", async () => {
    await signInAs(AGENT.id);
    const page = await redirectOf(agentCreateIncidentAction({}, formData(INCIDENT)));
    const [created] = await incidents();
    expect(page).toBe(`/admin/incidents/${created.id}`);
    expect(created).toMatchObject({ severity: "major", status: "investigating" });
    expect(Number(created.affects_sign_in)).toBe(1);
    expect(JSON.parse(created.features)).toEqual(["verification_codes", "payments"]);
    const update = (status: string) => agentUpdateIncidentAction({}, formData({ incidentId: created.id, status, bodyZh: "已修复。", bodyEn: "Fixed.", reason: REASON }));
    expect(await update("monitoring")).toEqual({ ok: true });
    expect(await update("resolved")).toEqual({ ok: true });
    expect(await update("identified")).toMatchObject({ code: "incident_already_resolved" });
    expect((await incidents())[0].status).toBe("resolved");
    for (const type of ["incident_created", "incident_updated", "incident_resolved"]) {
      expect(await auditOf(type)).toEqual([expect.objectContaining({ userId: AGENT.id, actor: AGENT.id, reason: REASON, incident: created.id })]);
    }
  });

  it("incident fields are checked next to each field: text required, a reason of 5 to 500 characters, at least one affected feature, known values only", async () => {
    await signInAs(AGENT.id);
    expect(await agentCreateIncidentAction({}, formData({ ...INCIDENT, titleEn: " ", bodyZh: "x".repeat(2001), reason: "no" }))).toMatchObject({
      fieldErrors: { titleEn: ["incident_text_required"], bodyZh: ["incident_text_too_long"], reason: ["agent_reason_required"] },
    });
    expect(await agentCreateIncidentAction({}, formData({ ...INCIDENT, severity: "catastrophic" }))).toMatchObject({ fieldErrors: { severity: ["invalid_input"] } });
    const { feature_verification_codes: _codes, feature_payments: _payments, ...noFeatures } = INCIDENT;
    expect(await agentCreateIncidentAction({}, formData({ ...noFeatures, titleZh: "" }))).toMatchObject({
      fieldErrors: { titleZh: ["incident_text_required"], features: ["incident_features_required"] },
      values: { feature_sign_in: "", feature_payments: "" },
    });
    expect(await agentCreateIncidentAction({}, formData({ ...noFeatures, feature_payments: "yes" }))).toMatchObject({ fieldErrors: { feature_payments: ["invalid_input"] } });
    expect(await agentUpdateIncidentAction({}, formData({ incidentId: "missing", status: "resolved", bodyZh: "好", bodyEn: "ok", reason: REASON }))).toMatchObject({ code: "incident_not_found" });
    expect(await incidents()).toEqual([]);
  });

  it("an agent edits a version rule; bad semver, a minimum above the latest and a non-https link are refused next to the field", async () => {
    await signInAs(AGENT.id);
    expect(await agentUpdateVersionRuleAction({}, formData({ ...RULE, minimum: "5.6" }))).toMatchObject({ fieldErrors: { minimum: ["version_invalid"] } });
    expect(await agentUpdateVersionRuleAction({}, formData({ ...RULE, latest: "latest" }))).toMatchObject({ fieldErrors: { latest: ["version_invalid"] } });
    // The apps' grammar (/api/client-compat): semver's lenient "v" and "=" prefixes are refused too.
    expect(await agentUpdateVersionRuleAction({}, formData({ ...RULE, latest: "v5.9.0" }))).toMatchObject({ fieldErrors: { latest: ["version_invalid"] } });
    expect(await agentUpdateVersionRuleAction({}, formData({ ...RULE, minimum: "6.0.0" }))).toMatchObject({ fieldErrors: { minimum: ["version_minimum_above_latest"] } });
    expect(await agentUpdateVersionRuleAction({}, formData({ ...RULE, updateUrl: "http://www.qianneng.test/apk" }))).toMatchObject({ fieldErrors: { updateUrl: ["update_url_invalid"] } });
    expect(await agentUpdateVersionRuleAction({}, formData({ ...RULE, platform: "windows" }))).toMatchObject({ fieldErrors: { platform: ["invalid_input"] } });
    expect(await android()).toBe("5.2.0");
    expect(await agentUpdateVersionRuleAction({}, formData(RULE))).toEqual({ ok: true });
    expect(await android()).toBe("5.6.0");
    expect(await auditOf("client_version_rule_updated")).toEqual([expect.objectContaining({ userId: AGENT.id, actor: AGENT.id, reason: REASON, platform: "android", minimum: "5.6.0" })]);
  });
});
