import { describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS, seedDemoData } from "@/lib/db/seed";
import { testDatabases, useDatabase } from "@/test/databases";
import { findTwoStepMethods } from "./find-two-step-methods";
import { mayOpenAgentConsole } from "./may-open-agent-console";

const none = { totp: false, sms: false, backupCodes: 0, passkeys: 0 };

describe("mayOpenAgentConsole", () => {
  it("needs the agent role and an app or a passkey; SMS and backup codes are not enough", () => {
    expect(mayOpenAgentConsole("agent", { ...none, totp: true })).toBe(true);
    expect(mayOpenAgentConsole("agent", { ...none, passkeys: 1 })).toBe(true);
    expect(mayOpenAgentConsole("agent", { ...none, sms: true, backupCodes: 10 })).toBe(false);
    expect(mayOpenAgentConsole("agent", none)).toBe(false);
    expect(mayOpenAgentConsole("user", { ...none, totp: true, passkeys: 2 })).toBe(false);
  });
});

describe.each(testDatabases())("the seeded agent on $name", (kind) => {
  const t = useDatabase(kind);
  it("has an authenticator app, so the console opens for it; without the app it would not", async () => {
    await seedDemoData(t.db);
    const agent = DEMO_ACCOUNTS.find((a) => a.role === "agent")!;
    expect(mayOpenAgentConsole(agent.role, await findTwoStepMethods(t.db, agent.id))).toBe(true);
    await t.db.deleteFrom("totp_credentials").where("user_id", "=", agent.id).execute();
    expect(mayOpenAgentConsole(agent.role, await findTwoStepMethods(t.db, agent.id))).toBe(false);
  });
});
