// The recovery queue's actions, as a browser calls them: only an agent with an app or passkey decides, never on
// their own account; an approval changes the account and is audited with the agent, a refusal tells the new contact.
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Database } from "@/lib/db/schema";
import { DEMO_ACCOUNTS, seedDemoData } from "@/lib/db/seed";
import { viewRecoveryEvidence } from "@/lib/server/agent/view-recovery-evidence";
import { findRecoveryPhotoForAgent } from "@/lib/server/agent/find-recovery-photo-for-agent";
import { sealText } from "@/lib/server/crypto/secret-box";
import { recoveryEvidenceKey } from "@/lib/server/recovery/evidence-key";
import { sealContext } from "@/lib/server/recovery/recovery-policy";
import { createSession } from "@/lib/server/sessions/create-session";
import { testDatabases, useDatabase } from "@/test/databases";
import { agentApproveRecoveryAction, agentRefuseRecoveryAction } from "./agent-recovery";
import { formData } from "@/test/form-data";

const current = vi.hoisted(() => ({ db: undefined as unknown, claims: null as null | { user: { id: string }; sessionId: string; purpose: string } }));
vi.mock("@/lib/db", async (original) => ({ ...(await original<object>()), getDb: async () => current.db }));
vi.mock("@/auth", () => ({ auth: async () => current.claims, signIn: vi.fn(), signOut: vi.fn() }));
vi.mock("next/headers", () => ({ cookies: async () => ({ get: () => undefined, set: () => {} }), headers: async () => new Headers() }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const [DEMO, PAUSED, , , AGENT] = DEMO_ACCOUNTS;
const NEW_EMAIL = "found-again@qianneng.test";
const REASON = "ID photo and answers match";
const context = { ip: "203.0.113.5", userAgent: "vitest" };

describe.each(testDatabases())("the recovery queue's actions on $name", (kind) => {
  const t = useDatabase(kind);
  let db: Kysely<Database>;
  let filed = 0;

  async function signInAs(userId: string) {
    const { id } = await createSession(db, { userId, persistent: false, context });
    current.claims = { user: { id: userId }, sessionId: id, purpose: "full" };
  }
  /** A pending request as submitRecoveryRequest stores it (its own tests cover the filing). */
  async function fileRequest(userId: string | null): Promise<{ id: string; reference: string }> {
    const id = randomUUID();
    const reference = `QN-2026-${String(900_000 + ++filed)}`;
    const key = recoveryEvidenceKey();
    const evidence = JSON.stringify({ contact: NEW_EMAIL, account: "demo@qianneng.test", registrationMonth: "2001-01", amount: "88.00" });
    await db
      .insertInto("recovery_requests")
      .values({
        id, reference, user_id: userId, contact_kind: "email", contact_hash: `hash-${id}`, created_at: Date.now(), decided_at: null, decided_by: null,
        evidence_sealed: sealText(evidence, { key, context: sealContext(id, "evidence") }),
        photo_sealed: sealText(`image/png;${Buffer.from("png-bytes").toString("base64")}`, { key, context: sealContext(id, "photo") }),
      })
      .execute();
    return { id, reference };
  }
  const statusOf = async (id: string) => (await db.selectFrom("recovery_requests").select("status").where("id", "=", id).executeTakeFirstOrThrow()).status;
  const emailOf = async (userId: string) => (await db.selectFrom("users").select("email").where("id", "=", userId).executeTakeFirstOrThrow()).email;
  const eventsOf = async (type: string) =>
    (await db.selectFrom("security_events").select(["user_id", "detail"]).where("type", "=", type as never).execute()).map((e) => ({ userId: e.user_id, detail: JSON.parse(e.detail ?? "{}") as Record<string, unknown> }));
  const approve = (reference: string, reason = REASON) => agentApproveRecoveryAction({}, formData({ reference, reason }));
  const refuse = (reference: string, reason = "The photo is unreadable") => agentRefuseRecoveryAction({}, formData({ reference, reason }));

  beforeEach(async () => {
    db = t.db;
    current.db = db;
    current.claims = null;
    await seedDemoData(db);
    for (const table of ["outbox", "recovery_requests", "security_events"] as const) await db.deleteFrom(table).execute();
  });

  it("a visitor, a user and an agent without an app or passkey are refused; nothing changes", async () => {
    const { id, reference } = await fileRequest(DEMO.id);
    await db.updateTable("users").set({ role: "agent" }).where("id", "=", PAUSED.id).execute();
    for (const who of [null, DEMO.id, PAUSED.id]) {
      current.claims = null;
      if (who) await signInAs(who);
      expect(await approve(reference)).toMatchObject({ code: "not_permitted" });
      expect(await refuse(reference)).toMatchObject({ code: "not_permitted" });
    }
    expect(await statusOf(id)).toBe("pending");
    expect(await emailOf(DEMO.id)).toBe(DEMO.email);
    expect(await db.selectFrom("outbox").select("id").execute()).toEqual([]);
  });

  it("an agent approves with a reason: the new contact replaces the old, the sessions end, the audit row names the agent", async () => {
    const { id, reference } = await fileRequest(DEMO.id);
    const { id: ownerSession } = await createSession(db, { userId: DEMO.id, persistent: true, context });
    await signInAs(AGENT.id);
    expect(await approve(reference, "ok")).toMatchObject({ fieldErrors: { reason: ["agent_reason_required"] } });
    expect(await statusOf(id)).toBe("pending");

    expect(await approve(reference)).toEqual({ ok: true });
    expect(await statusOf(id)).toBe("approved");
    expect(await emailOf(DEMO.id)).toBe(NEW_EMAIL);
    expect(await db.selectFrom("sessions").select("id").where("id", "=", ownerSession).executeTakeFirst()).toBeUndefined();
    expect(await eventsOf("recovery_approved")).toEqual([{ userId: DEMO.id, detail: expect.objectContaining({ actor: AGENT.id, reference, reason: REASON }) }]);
    expect(await approve(reference)).toMatchObject({ code: "recovery_not_pending" });
  });

  it("an agent refuses: the reason goes to the new contact and the account is unchanged", async () => {
    const { id, reference } = await fileRequest(DEMO.id);
    await signInAs(AGENT.id);
    expect(await refuse(reference)).toEqual({ ok: true });
    expect(await statusOf(id)).toBe("refused");
    expect(await emailOf(DEMO.id)).toBe(DEMO.email);
    expect(await db.selectFrom("outbox").select(["kind", "recipient"]).execute()).toEqual([{ kind: "recovery_refused", recipient: NEW_EMAIL }]);
    expect(await eventsOf("recovery_refused")).toEqual([{ userId: DEMO.id, detail: expect.objectContaining({ actor: AGENT.id, reference }) }]);
  });

  it("an agent cannot decide on their own account, and a request without an account can only be refused", async () => {
    const own = await fileRequest(AGENT.id);
    const unmatched = await fileRequest(null);
    await signInAs(AGENT.id);
    expect(await approve(own.reference)).toMatchObject({ code: "agent_own_account" });
    expect(await refuse(own.reference)).toMatchObject({ code: "agent_own_account" });
    expect(await statusOf(own.id)).toBe("pending");
    expect(await approve(unmatched.reference)).toMatchObject({ code: "recovery_no_account" });
    expect(await statusOf(unmatched.id)).toBe("pending");
    expect(await refuse(unmatched.reference)).toEqual({ ok: true });
    expect(await approve("QN-2026-000000")).toMatchObject({ code: "recovery_not_pending" });
  });

  it("viewing the evidence unseals it with the answers checked and is audited with the agent; past retention it is gone", async () => {
    const { id, reference } = await fileRequest(DEMO.id);
    const viewed = await viewRecoveryEvidence({ db, agentId: AGENT.id, reference, context });
    expect(viewed).toMatchObject({ evidence: { contact: NEW_EMAIL, account: "demo@qianneng.test", amount: "88.00" }, hasPhoto: true, checks: { registrationMonth: false, amount: expect.any(Boolean) } });
    expect(await eventsOf("recovery_evidence_viewed")).toEqual([{ userId: DEMO.id, detail: { actor: AGENT.id, reference } }]);
    expect(await findRecoveryPhotoForAgent(db, id)).toEqual({ mime: "image/png", bytes: Buffer.from("png-bytes") });

    await db.updateTable("recovery_requests").set({ evidence_sealed: null, photo_sealed: null }).where("id", "=", id).execute();
    expect(await viewRecoveryEvidence({ db, agentId: AGENT.id, reference, context })).toMatchObject({ evidence: null, hasPhoto: false, checks: null });
    expect(await findRecoveryPhotoForAgent(db, id)).toBeNull();
    expect(await eventsOf("recovery_evidence_viewed")).toHaveLength(1);
  });
});
