// The console's one rule, through the real actions and page guard: only a signed-in agent with an app or passkey
// gets in; everyone else is refused before any field is read, and nothing changes.
import type { Kysely } from "kysely";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db";
import type { Database } from "@/lib/db/schema";
import { DEMO_ACCOUNTS, seedDemoData } from "@/lib/db/seed";
import { requireAgent } from "@/lib/server/agent/require-agent";
import { createSession } from "@/lib/server/sessions/create-session";
import { agentFreezeAction, agentUnfreezeAction, agentUnlockAction } from "./agent-console";
import { formData } from "@/test/form-data";

const claims = vi.hoisted(() => ({ current: null as null | { user: { id: string }; sessionId: string; purpose: string } }));
vi.mock("@/auth", () => ({ auth: async () => claims.current, signIn: vi.fn(), signOut: vi.fn() }));
vi.mock("next/headers", () => ({ cookies: async () => ({ get: () => undefined, set: () => {} }), headers: async () => new Headers() }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const [DEMO, PAUSED, FROZEN, , AGENT] = DEMO_ACCOUNTS;
const context = { ip: "203.0.113.5", userAgent: "vitest" };
const REASON = "owner called from the registered phone";
let db: Kysely<Database>;

async function signInAs(userId: string) {
  const { id } = await createSession(db, { userId, persistent: false, context });
  claims.current = { user: { id: userId }, sessionId: id, purpose: "full" };
}

/** What a page guard threw: Next's notFound() and redirect() are errors with a digest. */
async function digestOf(work: Promise<unknown>): Promise<string> {
  const error = (await work.then(() => null, (e: unknown) => e)) as { digest?: string } | null;
  return error?.digest ?? "none";
}

const statusOf = async (id: string) => (await db.selectFrom("users").select("status").where("id", "=", id).executeTakeFirstOrThrow()).status;
const unfreezeFrozen = () => agentUnfreezeAction({}, formData({ accountId: FROZEN.id, reason: REASON }));

beforeAll(async () => {
  db = await getDb();
});
beforeEach(async () => {
  await seedDemoData(db);
  await db.deleteFrom("security_events").execute();
  claims.current = null;
});

describe("the agent console guard", () => {
  it("a visitor and a user: every action refused with nothing revealed, pages not found, nothing changes", async () => {
    for (const who of [null, DEMO.id]) {
      if (who) await signInAs(who);
      expect(await unfreezeFrozen()).toMatchObject({ code: "not_permitted" });
      expect(await agentFreezeAction({}, formData({ accountId: DEMO.id, reason: REASON, caseRef: "QN-2026-000123" }))).toMatchObject({ code: "not_permitted" });
      expect(await agentUnlockAction({}, formData({ accountId: PAUSED.id, reason: REASON }))).toMatchObject({ code: "not_permitted" });
      expect(await agentUnlockAction({}, formData({}))).toMatchObject({ code: "not_permitted" });
      expect(await digestOf(requireAgent())).toBe("NEXT_HTTP_ERROR_FALLBACK;404");
    }
    expect(await statusOf(FROZEN.id)).toBe("frozen");
    expect(await statusOf(DEMO.id)).toBe("active");
    expect(await db.selectFrom("security_events").select("id").where("type", "in", ["account_frozen", "account_unfrozen", "unlocked"]).execute()).toEqual([]);
  });

  it("an agent without an app or passkey: actions refused, pages send to the two-step-first page", async () => {
    await db.updateTable("users").set({ role: "agent" }).where("id", "=", PAUSED.id).execute();
    await signInAs(PAUSED.id);
    expect(await unfreezeFrozen()).toMatchObject({ code: "not_permitted" });
    expect(await statusOf(FROZEN.id)).toBe("frozen");
    expect(await digestOf(requireAgent())).toMatch(/^NEXT_REDIRECT;replace;\/admin\/two-step-first;/);
  });

  it("an agent with an authenticator app: the page opens, the action works and is audited with the agent", async () => {
    await signInAs(AGENT.id);
    expect((await requireAgent()).user.id).toBe(AGENT.id);
    expect(await unfreezeFrozen()).toEqual({ ok: true });
    expect(await statusOf(FROZEN.id)).toBe("active");
    const event = await db.selectFrom("security_events").select("detail").where("user_id", "=", FROZEN.id).where("type", "=", "account_unfrozen").executeTakeFirstOrThrow();
    expect(JSON.parse(event.detail!)).toMatchObject({ actor: AGENT.id, reason: REASON });
  });

  it("a reason of 5 to 500 characters and a well-formed case reference are required", async () => {
    await signInAs(AGENT.id);
    expect(await agentUnfreezeAction({}, formData({ accountId: FROZEN.id, reason: " ok " }))).toMatchObject({ fieldErrors: { reason: ["agent_reason_required"] } });
    expect(await agentUnfreezeAction({}, formData({ accountId: FROZEN.id, reason: "x".repeat(501) }))).toMatchObject({ fieldErrors: { reason: ["agent_reason_too_long"] } });
    expect(await agentFreezeAction({}, formData({ accountId: DEMO.id, reason: REASON, caseRef: "QN-26-1" }))).toMatchObject({ fieldErrors: { caseRef: ["case_ref_invalid"] } });
    expect(await statusOf(FROZEN.id)).toBe("frozen");
    expect(await statusOf(DEMO.id)).toBe("active");
  });

  it("an agent's action on their own account is refused", async () => {
    await signInAs(AGENT.id);
    expect(await agentFreezeAction({}, formData({ accountId: AGENT.id, reason: REASON, caseRef: "QN-2026-000123" }))).toMatchObject({ code: "agent_own_account" });
    expect(await statusOf(AGENT.id)).toBe("active");
  });
});
