import { beforeEach, describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS, seedDemoData } from "@/lib/db/seed";
import { createSqlCounterStore } from "@/lib/server/counters/sql-counter-store";
import { accountPauseKey } from "@/lib/server/lockout/pause-key";
import { createSession } from "@/lib/server/sessions/create-session";
import { findLiveSession } from "@/lib/server/sessions/find-live-session";
import { findPauseEnd } from "@/lib/server/status/find-pause-end";
import { testDatabases, useDatabase } from "@/test/databases";
import { outcomeOf } from "@/test/outcome";
import { agentAccessFor } from "./agent-access";
import { describeAccountForAgent } from "./describe-account-for-agent";
import { findAccountByIdentifier } from "./find-account-by-identifier";
import { freezeByAgent } from "./freeze-by-agent";
import { unfreezeByAgent } from "./unfreeze-by-agent";
import { unlockByAgent } from "./unlock-by-agent";

const [DEMO, PAUSED, FROZEN, TWO_FA, AGENT] = DEMO_ACCOUNTS;
const context = { ip: "203.0.113.9", userAgent: "vitest" };
const REASON = "caller verified by phone";

describe.each(testDatabases())("the agent console on $name", (kind) => {
  const t = useDatabase(kind);
  const store = () => createSqlCounterStore(t.db);
  const userOf = (id: string) => t.db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
  const eventsOf = async (id: string, type: string) =>
    (await t.db.selectFrom("security_events").select("detail").where("user_id", "=", id).where("type", "=", type).execute()).map((e) => JSON.parse(e.detail ?? "{}"));
  const pause = async (userId: string) => {
    for (let i = 0; i < 5; i++) await store().reserveFailure(accountPauseKey(userId), Date.now());
  };
  const alertsTo = (to: string, kind: string) => t.db.selectFrom("outbox").select("id").where("recipient", "=", to).where("kind", "=", kind).execute();

  beforeEach(async () => {
    await seedDemoData(t.db);
    for (const table of ["outbox", "security_events", "sessions", "rate_counters", "not_me_tokens"] as const) await t.db.deleteFrom(table).execute();
  });

  it("opens only to an agent with an authenticator app or passkey", async () => {
    expect(await agentAccessFor(t.db, await userOf(DEMO.id))).toBe("closed");
    expect(await agentAccessFor(t.db, await userOf(TWO_FA.id))).toBe("closed");
    await t.db.updateTable("users").set({ role: "agent" }).where("id", "=", PAUSED.id).execute();
    expect(await agentAccessFor(t.db, await userOf(PAUSED.id))).toBe("needs_two_step");
    expect(await agentAccessFor(t.db, await userOf(AGENT.id))).toBe("open");
  });

  it("finds an account only by a whole, normalized email or mobile", async () => {
    expect(await findAccountByIdentifier(t.db, " DEMO@qianneng.test ")).toBe(DEMO.id);
    expect(await findAccountByIdentifier(t.db, "138 0013 8000")).toBe(DEMO.id);
    expect(await findAccountByIdentifier(t.db, "demo@")).toBeNull();
    expect(await findAccountByIdentifier(t.db, "qianneng.test")).toBeNull();
    expect(await findAccountByIdentifier(t.db, "%")).toBeNull();
  });

  it("describes an account with masked contacts and no secrets", async () => {
    await pause(DEMO.id);
    const described = await describeAccountForAgent(t.db, store(), DEMO.id);
    expect(described).toMatchObject({ email: "d***o@qianneng.test", role: "user", status: "active", twoStep: { totp: false } });
    expect(described?.pausedUntil).toBeGreaterThan(Date.now());
    expect(JSON.stringify(described)).not.toContain("13800138000");
    expect(await describeAccountForAgent(t.db, store(), "no-such-id")).toBeNull();
  });

  it("unlock lifts the pause and audits the agent and the reason; nothing paused is refused", async () => {
    await pause(DEMO.id);
    await unlockByAgent({ db: t.db, store: store(), agentId: AGENT.id, userId: DEMO.id, reason: REASON, context });
    expect(await findPauseEnd(store(), DEMO, Date.now())).toBeNull();
    expect(await eventsOf(DEMO.id, "unlocked")).toEqual([{ via: "agent", actor: AGENT.id, reason: REASON }]);
    expect(await outcomeOf(unlockByAgent({ db: t.db, store: store(), agentId: AGENT.id, userId: DEMO.id, reason: REASON, context }))).toEqual({ refused: "account_not_paused" });
  });

  it("freeze ends every session, records reason, case and agent, and alerts the owner", async () => {
    const session = await createSession(t.db, { userId: DEMO.id, persistent: true, context });
    await freezeByAgent({ db: t.db, agentId: AGENT.id, userId: DEMO.id, reason: REASON, caseRef: "QN-2026-000123", context });
    expect(await userOf(DEMO.id)).toMatchObject({ status: "frozen", frozen_reason: REASON, frozen_case_ref: "QN-2026-000123" });
    expect(await findLiveSession(t.db, session.secret)).toBeNull();
    expect(await eventsOf(DEMO.id, "account_frozen")).toEqual([expect.objectContaining({ status: "frozen", reason: REASON, actor: AGENT.id, caseRef: "QN-2026-000123" })]);
    expect(await alertsTo(DEMO.email!, "account_frozen")).toHaveLength(1);
    expect(await outcomeOf(freezeByAgent({ db: t.db, agentId: AGENT.id, userId: DEMO.id, reason: REASON, caseRef: "QN-2026-000123", context }))).toEqual({ refused: "agent_already_frozen" });
  });

  it("unfreeze lifts a support freeze, keeps the old reason in the audit row, and alerts the owner", async () => {
    await unfreezeByAgent({ db: t.db, agentId: AGENT.id, userId: FROZEN.id, reason: REASON, context });
    expect(await userOf(FROZEN.id)).toMatchObject({ status: "active", frozen_reason: null, frozen_case_ref: null });
    expect(await eventsOf(FROZEN.id, "account_unfrozen")).toEqual([
      { via: "agent", actor: AGENT.id, reason: REASON, was: "frozen", frozenReason: "risk_review", caseRef: "QN-2026-004271" },
    ]);
    expect(await alertsTo(FROZEN.email!, "account_unfrozen")).toHaveLength(1);
    expect(await outcomeOf(unfreezeByAgent({ db: t.db, agentId: AGENT.id, userId: FROZEN.id, reason: REASON, context }))).toEqual({ refused: "agent_not_frozen" });
  });

  it("parallel unfreezes: exactly one lifts the freeze and alerts", async () => {
    const results = await Promise.all(Array.from({ length: 4 }, () => outcomeOf(unfreezeByAgent({ db: t.db, agentId: AGENT.id, userId: FROZEN.id, reason: REASON, context }))));
    expect(results.filter((r) => r === undefined)).toHaveLength(1);
    expect(await eventsOf(FROZEN.id, "account_unfrozen")).toHaveLength(1);
    expect(await alertsTo(FROZEN.email!, "account_unfrozen")).toHaveLength(1);
  });

  it("parallel freezes: exactly one freezes and alerts, the others are refused", async () => {
    const freeze = () => outcomeOf(freezeByAgent({ db: t.db, agentId: AGENT.id, userId: DEMO.id, reason: REASON, caseRef: "QN-2026-000123", context }));
    const results = await Promise.all(Array.from({ length: 4 }, freeze));
    expect(results.filter((r) => r === undefined)).toHaveLength(1);
    expect(results.filter((r) => r !== undefined)).toEqual(Array.from({ length: 3 }, () => ({ refused: "agent_already_frozen" })));
    expect(await eventsOf(DEMO.id, "account_frozen")).toHaveLength(1);
    expect(await alertsTo(DEMO.email!, "account_frozen")).toHaveLength(1);
  });

  it("an agent cannot act on their own account, and an unknown id is refused: nothing changes", async () => {
    await pause(AGENT.id);
    const own = { db: t.db, agentId: AGENT.id, userId: AGENT.id, reason: REASON, context };
    expect(await outcomeOf(unlockByAgent({ ...own, store: store() }))).toEqual({ refused: "agent_own_account" });
    expect(await outcomeOf(freezeByAgent({ ...own, caseRef: "QN-2026-000123" }))).toEqual({ refused: "agent_own_account" });
    expect(await outcomeOf(unfreezeByAgent(own))).toEqual({ refused: "agent_own_account" });
    expect(await outcomeOf(freezeByAgent({ ...own, userId: "no-such-id", caseRef: "QN-2026-000123" }))).toEqual({ refused: "agent_account_not_found" });
    expect((await userOf(AGENT.id)).status).toBe("active");
    expect(await findPauseEnd(store(), AGENT, Date.now())).not.toBeNull();
    expect(await t.db.selectFrom("security_events").select("id").execute()).toEqual([]);
  });
});
