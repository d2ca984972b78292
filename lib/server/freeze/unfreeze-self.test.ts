import { generate } from "otplib";
import { beforeEach, describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemoData } from "@/lib/db/seed";
import { DEMO_BACKUP_CODES, DEMO_TOTP_SECRETS } from "@/lib/db/seed-two-step";
import { renderOutboxMessage } from "@/lib/outbox/render-outbox-message";
import { createSqlCounterStore } from "@/lib/server/counters/sql-counter-store";
import { testDatabases, useDatabase } from "@/test/databases";
import { outcomeOf } from "@/test/outcome";
import type { UnfreezeMethod } from "@/lib/validation/freeze";
import { selfFreeze } from "./self-freeze";
import { sendUnfreezeCode } from "./send-unfreeze-code";
import { unfreezeSelf } from "./unfreeze-self";

const [DEMO, , FROZEN, TWO_FA] = DEMO_ACCOUNTS;
const context = { ip: null, userAgent: "vitest" };
const config = { IP_AUTH_POST_PER_MINUTE: 10_000, IP_FAILED_SIGNIN_LIMIT: 10_000 };

describe.each(testDatabases())("unfreezeSelf on $name", (kind) => {
  const t = useDatabase(kind);
  const store = () => createSqlCounterStore(t.db);
  const statusOf = async (id: string) => (await t.db.selectFrom("users").select("status").where("id", "=", id).executeTakeFirstOrThrow()).status;
  const unfreeze = (userId: string, password: string, method: UnfreezeMethod, code: string) =>
    outcomeOf(unfreezeSelf({ db: t.db, store: store(), config, userId, password, secondFactor: { method, code }, context }));
  const eventsOf = (id: string, type: string) => t.db.selectFrom("security_events").selectAll().where("user_id", "=", id).where("type", "=", type).execute();
  /** Sends the unfreeze code by this method and reads it back from the outbox, as its owner would. */
  async function codeBy(userId: string, method: UnfreezeMethod): Promise<string> {
    await sendUnfreezeCode({ db: t.db, store: store(), userId, method, context });
    const message = await t.db.selectFrom("outbox").selectAll().where("user_id", "=", userId).orderBy("created_at", "desc").limit(1).executeTakeFirstOrThrow();
    return /\b(\d{6})\b/.exec(renderOutboxMessage(message).text)![1];
  }
  const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, "0");

  beforeEach(async () => {
    await seedDemoData(t.db);
    for (const table of ["outbox", "one_time_codes", "security_events", "sign_in_failures", "rate_counters"] as const) await t.db.deleteFrom(table).execute();
    await selfFreeze(t.db, { userId: DEMO.id, how: "account", context });
    await selfFreeze(t.db, { userId: TWO_FA.id, how: "status", context });
    await t.db.deleteFrom("outbox").execute();
  });

  it("without two-step: the password and a code sent to a registered channel unfreeze, audited and announced", async () => {
    const code = await codeBy(DEMO.id, "email");
    const [sent] = await t.db.selectFrom("outbox").select(["recipient", "kind"]).execute();
    expect(sent).toEqual({ recipient: DEMO.email, kind: "unfreeze_code" });
    expect(await unfreeze(DEMO.id, "Wrong#Password1", "email", code)).toEqual({ refused: "unfreeze_refused" });
    expect(await unfreeze(DEMO.id, DEMO_PASSWORD, "email", wrong(code))).toEqual({ refused: "unfreeze_refused" });
    expect(await unfreeze(DEMO.id, DEMO_PASSWORD, "mobile", code)).toEqual({ refused: "unfreeze_refused" });
    expect(await statusOf(DEMO.id)).toBe("self_frozen");
    expect(await eventsOf(DEMO.id, "unfreeze_failed")).toHaveLength(3);

    expect(await unfreeze(DEMO.id, DEMO_PASSWORD, "email", code)).toBeUndefined();
    expect(await t.db.selectFrom("users").select(["status", "frozen_reason", "frozen_case_ref", "frozen_at"]).where("id", "=", DEMO.id).executeTakeFirstOrThrow()).toEqual({
      status: "active",
      frozen_reason: null,
      frozen_case_ref: null,
      frozen_at: null,
    });
    const [audit] = await eventsOf(DEMO.id, "account_unfrozen");
    expect(JSON.parse(audit.detail!)).toMatchObject({ via: "email", reason: "owner_request" });
    const alerts = await t.db.selectFrom("outbox").select(["channel", "kind"]).where("kind", "=", "account_unfrozen").orderBy("channel").execute();
    expect(alerts).toEqual([{ channel: "email", kind: "account_unfrozen" }, { channel: "sms", kind: "account_unfrozen" }]);
    expect(await unfreeze(DEMO.id, DEMO_PASSWORD, "email", code)).toEqual({ refused: "not_self_frozen" });
  });

  it("the code to the mobile works too, once", async () => {
    const code = await codeBy(DEMO.id, "mobile");
    expect(await unfreeze(DEMO.id, DEMO_PASSWORD, "mobile", code)).toBeUndefined();
    await selfFreeze(t.db, { userId: DEMO.id, how: "account", context });
    expect(await unfreeze(DEMO.id, DEMO_PASSWORD, "mobile", code)).toEqual({ refused: "unfreeze_refused" });
  });

  it("with two-step on: a channel code is not enough; the app, an SMS sign-in code or a backup code is", async () => {
    expect(await outcomeOf(sendUnfreezeCode({ db: t.db, store: store(), userId: TWO_FA.id, method: "email", context }))).toEqual({ refused: "invalid_input" });
    const appCode = await generate({ secret: DEMO_TOTP_SECRETS[TWO_FA.email] });
    expect(await unfreeze(TWO_FA.id, "Wrong#Password1", "totp", appCode)).toEqual({ refused: "unfreeze_refused" });
    expect(await unfreeze(TWO_FA.id, DEMO_PASSWORD, "totp", appCode)).toBeUndefined();
    expect(await statusOf(TWO_FA.id)).toBe("active");

    await selfFreeze(t.db, { userId: TWO_FA.id, how: "status", context });
    const smsCode = await codeBy(TWO_FA.id, "sms");
    expect(await unfreeze(TWO_FA.id, DEMO_PASSWORD, "sms", smsCode)).toBeUndefined();

    await selfFreeze(t.db, { userId: TWO_FA.id, how: "status", context });
    expect(await unfreeze(TWO_FA.id, DEMO_PASSWORD, "backup", DEMO_BACKUP_CODES[0])).toBeUndefined();
    expect(await statusOf(TWO_FA.id)).toBe("active");
  });

  it("a support freeze needs an agent; an active account has nothing to unfreeze", async () => {
    expect(await unfreeze(FROZEN.id, DEMO_PASSWORD, "email", "123456")).toEqual({ refused: "unfreeze_needs_agent" });
    expect(await statusOf(FROZEN.id)).toBe("frozen");
    await unfreeze(DEMO.id, DEMO_PASSWORD, "email", await codeBy(DEMO.id, "email"));
    expect(await unfreeze(DEMO.id, DEMO_PASSWORD, "email", "123456")).toEqual({ refused: "not_self_frozen" });
    expect(await outcomeOf(sendUnfreezeCode({ db: t.db, store: store(), userId: FROZEN.id, method: "email", context }))).toEqual({ refused: "not_self_frozen" });
  });

  it("a burst of parallel wrong guesses gets at most five password checks, then the account's pause holds even the right answer", async () => {
    const code = await codeBy(DEMO.id, "email");
    const guesses = await Promise.all(Array.from({ length: 12 }, (_, i) => unfreeze(DEMO.id, `Guess#${i}-password`, "email", code)));
    const refusals = guesses.map((g) => (g && "refused" in g ? g.refused : "unfrozen"));
    expect(refusals.every((r) => r === "unfreeze_refused" || r === "sign_in_paused")).toBe(true);
    expect((await eventsOf(DEMO.id, "unfreeze_failed")).length).toBeLessThanOrEqual(5);
    expect(refusals.filter((r) => r === "sign_in_paused").length).toBeGreaterThanOrEqual(7);
    expect(await unfreeze(DEMO.id, DEMO_PASSWORD, "email", code)).toMatchObject({ refused: "sign_in_paused" });
    expect(await statusOf(DEMO.id)).toBe("self_frozen");
  });
});
