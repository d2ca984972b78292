// The ticket queue's actions, as a browser calls them: only an agent with an app or passkey answers or closes, never
// on their own account; an answer is stored with the agent, tells the owner, and is audited with the agent.
import type { Kysely } from "kysely";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Database } from "@/lib/db/schema";
import { DEMO_ACCOUNTS, seedDemoData } from "@/lib/db/seed";
import { createSession } from "@/lib/server/sessions/create-session";
import { openTicket } from "@/lib/server/support/open-ticket";
import { testDatabases, useDatabase } from "@/test/databases";
import { agentCloseTicketAction, agentReplyTicketAction } from "./agent-tickets";
import { formData } from "@/test/form-data";

const current = vi.hoisted(() => ({ db: undefined as unknown, claims: null as null | { user: { id: string }; sessionId: string; purpose: string } }));
vi.mock("@/lib/db", async (original) => ({ ...(await original<object>()), getDb: async () => current.db }));
vi.mock("@/auth", () => ({ auth: async () => current.claims, signIn: vi.fn(), signOut: vi.fn() }));
vi.mock("next/headers", () => ({ cookies: async () => ({ get: () => undefined, set: () => {} }), headers: async () => new Headers() }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const [DEMO, PAUSED, , , AGENT] = DEMO_ACCOUNTS;
const REASON = "the customer confirmed it is solved";

describe.each(testDatabases())("the ticket queue's actions on $name", (kind) => {
  const t = useDatabase(kind);
  let db: Kysely<Database>;
  let reference: string;

  async function signInAs(userId: string) {
    const { id } = await createSession(db, { userId, persistent: false, context: { ip: "203.0.113.5", userAgent: "vitest" } });
    current.claims = { user: { id: userId }, sessionId: id, purpose: "full" };
  }
  const ticketOf = async (ref: string) => db.selectFrom("support_tickets").select(["id", "status"]).where("reference", "=", ref).executeTakeFirstOrThrow();
  const agentMessages = async (ref: string) => db.selectFrom("support_messages").select(["author_user_id", "body"]).where("ticket_id", "=", (await ticketOf(ref)).id).where("author", "=", "agent").execute();
  const eventsOf = async (type: string) =>
    (await db.selectFrom("security_events").select(["user_id", "detail"]).where("type", "=", type as never).execute()).map((e) => ({ userId: e.user_id, detail: JSON.parse(e.detail ?? "{}") as Record<string, unknown> }));
  const answer = (ref: string, body = "Please follow the identity check.") => agentReplyTicketAction({}, formData({ reference: ref, body }));

  beforeEach(async () => {
    db = t.db;
    current.db = db;
    current.claims = null;
    await seedDemoData(db);
    for (const table of ["outbox", "support_tickets", "security_events"] as const) await db.deleteFrom(table).execute();
    ({ reference } = await openTicket(db, { owner: { userId: DEMO.id }, category: "cannot_sign_in", body: "Locked out", screenshots: [], locale: "en" }));
  });

  it("opening a ticket is audited for its account", async () => {
    expect(await eventsOf("ticket_opened")).toEqual([{ userId: DEMO.id, detail: { reference, category: "cannot_sign_in" } }]);
  });

  it("a visitor, a user and an agent without an app or passkey are refused; nothing is answered or closed", async () => {
    await db.updateTable("users").set({ role: "agent" }).where("id", "=", PAUSED.id).execute();
    for (const who of [null, DEMO.id, PAUSED.id]) {
      current.claims = null;
      if (who) await signInAs(who);
      expect(await answer(reference)).toMatchObject({ code: "not_permitted" });
      expect(await agentCloseTicketAction({}, formData({ reference, reason: REASON }))).toMatchObject({ code: "not_permitted" });
    }
    expect(await agentMessages(reference)).toEqual([]);
    expect((await ticketOf(reference)).status).toBe("open");
    expect(await db.selectFrom("outbox").select("id").execute()).toEqual([]);
  });

  it("an agent answers: the message carries the agent, the ticket is answered, the owner is told, the audit row names the agent", async () => {
    await signInAs(AGENT.id);
    expect(await answer(reference)).toEqual({ ok: true });
    expect(await agentMessages(reference)).toEqual([{ author_user_id: AGENT.id, body: "Please follow the identity check." }]);
    expect((await ticketOf(reference)).status).toBe("answered");
    const notices = await db.selectFrom("outbox").select(["kind", "recipient", "user_id"]).where("kind", "=", "support_answered").execute();
    expect(notices).toContainEqual({ kind: "support_answered", recipient: DEMO.email, user_id: DEMO.id });
    expect(await eventsOf("ticket_answered")).toEqual([{ userId: DEMO.id, detail: { actor: AGENT.id, reference } }]);
  });

  it("closing needs a reason, is audited with it, and ends the conversation", async () => {
    await signInAs(AGENT.id);
    expect(await agentCloseTicketAction({}, formData({ reference, reason: "ok" }))).toMatchObject({ fieldErrors: { reason: ["agent_reason_required"] } });
    expect((await ticketOf(reference)).status).toBe("open");
    expect(await agentCloseTicketAction({}, formData({ reference, reason: REASON }))).toEqual({ ok: true });
    expect((await ticketOf(reference)).status).toBe("closed");
    expect(await eventsOf("ticket_closed")).toEqual([{ userId: DEMO.id, detail: { actor: AGENT.id, reference, reason: REASON } }]);
    expect(await answer(reference)).toMatchObject({ code: "ticket_not_found" });
    expect(await agentMessages(reference)).toEqual([]);
  });

  it("two parallel closes: exactly one wins and is audited", async () => {
    await signInAs(AGENT.id);
    const results = await Promise.all([1, 2].map(() => agentCloseTicketAction({}, formData({ reference, reason: REASON }))));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await eventsOf("ticket_closed")).toHaveLength(1);
  });

  it("an agent cannot answer or close a ticket of their own account, nor an unknown reference", async () => {
    const own = await openTicket(db, { owner: { userId: AGENT.id }, category: "account", body: "My own case", screenshots: [], locale: "en" });
    await signInAs(AGENT.id);
    expect(await answer(own.reference)).toMatchObject({ code: "agent_own_account" });
    expect(await agentCloseTicketAction({}, formData({ reference: own.reference, reason: REASON }))).toMatchObject({ code: "agent_own_account" });
    expect(await agentMessages(own.reference)).toEqual([]);
    expect((await ticketOf(own.reference)).status).toBe("open");
    expect(await answer("QN-2000-000001")).toMatchObject({ code: "ticket_not_found" });
    expect(await eventsOf("ticket_answered")).toEqual([]);
  });
});
