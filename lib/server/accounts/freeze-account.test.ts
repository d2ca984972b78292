import { describe, expect, it } from "vitest";
import { seedDemoData, DEMO_ACCOUNTS } from "@/lib/db/seed";
import { createSession } from "@/lib/server/sessions/create-session";
import { findLiveSession } from "@/lib/server/sessions/find-live-session";
import { testDatabases, useDatabase } from "@/test/databases";
import { freezeAccount } from "./freeze-account";

const DEMO = DEMO_ACCOUNTS[0];
const AGENT = DEMO_ACCOUNTS.find((a) => a.role === "agent")!;
const context = { ip: "203.0.113.5", userAgent: "vitest" };

describe.each(testDatabases())("freezeAccount on $name", (kind) => {
  const t = useDatabase(kind);

  it("freezes with reason and case reference, ends every session, and audits who did it", async () => {
    await seedDemoData(t.db);
    const phone = await createSession(t.db, { userId: DEMO.id, persistent: true, context });
    const laptop = await createSession(t.db, { userId: DEMO.id, persistent: false, context });
    const other = await createSession(t.db, { userId: AGENT.id, persistent: false, context });

    expect(await freezeAccount(t.db, { userId: DEMO.id, status: "frozen", reason: "risk_review", caseRef: "QN-TEST-1", actorId: AGENT.id, context })).toBe(true);

    const user = await t.db.selectFrom("users").selectAll().where("id", "=", DEMO.id).executeTakeFirstOrThrow();
    expect(user).toMatchObject({ status: "frozen", frozen_reason: "risk_review", frozen_case_ref: "QN-TEST-1" });
    expect(await findLiveSession(t.db, phone.secret)).toBeNull();
    expect(await findLiveSession(t.db, laptop.secret)).toBeNull();
    expect(await findLiveSession(t.db, other.secret)).not.toBeNull();
    const event = await t.db.selectFrom("security_events").selectAll().where("type", "=", "account_frozen").executeTakeFirstOrThrow();
    expect(event.user_id).toBe(DEMO.id);
    expect(JSON.parse(event.detail!)).toEqual({ status: "frozen", reason: "risk_review", actor: AGENT.id, sessionsEnded: 2 });
  });

  it("changes nothing for an unknown account", async () => {
    const before = await t.db.selectFrom("security_events").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    expect(await freezeAccount(t.db, { userId: "no-such-user", status: "frozen", reason: "other", caseRef: null, actorId: AGENT.id })).toBe(false);
    const after = await t.db.selectFrom("security_events").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });
});
