import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { renderOutboxMessage } from "@/lib/outbox/render-outbox-message";
import { createSqlCounterStore } from "@/lib/server/counters/sql-counter-store";
import { testDatabases, useDatabase } from "@/test/databases";
import { outcomeOf } from "@/test/outcome";
import { context, insertAccount, sessionProvedAt, T0 } from "@/test/two-step-accounts";
import { findTwoStepMethods } from "./find-two-step-methods";
import { sendSignInCode } from "./send-sign-in-code";
import { setSmsTwoStep } from "./set-sms-two-step";
import { verifySignInCode } from "./verify-sign-in-code";

const USER = { id: "sms-user", email: "sms@qianneng.test", mobile: "+8613900139003", locale: "en", password_hash: null };
const NO_MOBILE = { id: "sms-no-mobile", email: "sms-none@qianneng.test", mobile: null, locale: "zh-CN", password_hash: null };
const proved = sessionProvedAt(T0);
const quiet = { ip: null, userAgent: "vitest" };

describe.each(testDatabases())("codes by SMS on $name", (kind) => {
  const database = useDatabase(kind);
  const deps = () => ({ db: database.db, store: createSqlCounterStore(database.db) });
  const send = (now: number) => sendSignInCode({ ...deps(), user: USER, context: quiet, now });
  const verify = (code: string, now: number) => verifySignInCode({ ...deps(), user: USER, code, context: quiet, now });
  const outbox = () => database.db.selectFrom("outbox").selectAll().orderBy("created_at").execute();
  const lastCode = async () => /\b(\d{6})\b/.exec(renderOutboxMessage((await outbox()).at(-1)!).text)?.[1] ?? "";

  beforeAll(async () => {
    await insertAccount(database.db, USER);
    await insertAccount(database.db, NO_MOBILE);
  });
  beforeEach(async () => {
    for (const table of ["one_time_codes", "outbox", "security_events", "rate_counters"] as const) await database.db.deleteFrom(table).execute();
    await database.db.updateTable("users").set({ sms_two_step_at: null }).execute();
  });

  it("turning SMS on and off needs a mobile and a recent proof, and is announced on every channel", async () => {
    expect(await outcomeOf(setSmsTwoStep(database.db, { user: NO_MOBILE, session: proved, context, on: true, now: T0 }))).toEqual({ refused: "mobile_required" });
    expect(await outcomeOf(setSmsTwoStep(database.db, { user: USER, session: proved, context, on: true, now: T0 + 11 * 60_000 }))).toEqual({ refused: "reauth_required" });
    expect((await findTwoStepMethods(database.db, USER.id)).sms).toBe(false);
    await setSmsTwoStep(database.db, { user: USER, session: proved, context, on: true, now: T0 });
    expect((await findTwoStepMethods(database.db, USER.id)).sms).toBe(true);
    await setSmsTwoStep(database.db, { user: USER, session: proved, context, on: false, now: T0 + 1 });
    expect((await findTwoStepMethods(database.db, USER.id)).sms).toBe(false);
    const sent = await outbox();
    expect(sent.map((m) => [m.channel, m.recipient, m.kind])).toEqual([
      ["email", USER.email, "two_step_changed"],
      ["sms", USER.mobile, "two_step_changed"],
      ["email", USER.email, "two_step_changed"],
      ["sms", USER.mobile, "two_step_changed"],
    ]);
    expect(sent[1].body_text).toContain("codes by SMS were turned on");
    expect(sent[3].body_text).toContain("codes by SMS were turned off");
    const events = await database.db.selectFrom("security_events").select("type").orderBy("id").execute();
    expect(events.map((e) => e.type)).toEqual(["two_step_sms_enabled", "two_step_sms_disabled"]);
  });

  it("texts a 6-digit sign-in code in the account's language that works once, for 5 minutes", async () => {
    expect(await send(T0)).toEqual({ resendAt: T0 + 60_000 });
    const [sms] = await outbox();
    expect(sms).toMatchObject({ channel: "sms", recipient: USER.mobile, kind: "sign_in_code" });
    expect(renderOutboxMessage(sms).text).toMatch(/^\[Qianneng Wallet\] Your sign-in code is \d{6}, valid for 5 minutes/);
    const code = await lastCode();
    expect(JSON.stringify(await database.db.selectFrom("one_time_codes").selectAll().execute())).not.toContain(code);
    expect(await verify(code, T0 + 5 * 60_000)).toBe(false); // expired

    await send(T0 + 5 * 60_000);
    const fresh = await lastCode();
    expect(await verify(fresh, T0 + 10 * 60_000 - 1)).toBe(true);
    expect(await verify(fresh, T0 + 10 * 60_000 - 1)).toBe(false);
  });

  it("five wrong tries void the code", async () => {
    await send(T0);
    const code = await lastCode();
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, "0");
    for (let i = 0; i < 5; i++) expect(await verify(wrong, T0 + i)).toBe(false);
    expect(await verify(code, T0 + 10)).toBe(false);
  });

  it("malformed input and an account without a mobile answer false, and the code still works after them", async () => {
    await send(T0);
    const code = await lastCode();
    expect(await verify("", T0 + 1)).toBe(false);
    expect(await verify("12 34 5x", T0 + 2)).toBe(false);
    expect(await verifySignInCode({ ...deps(), user: NO_MOBILE, code, context: quiet, now: T0 + 3 })).toBe(false);
    expect(await verify(code, T0 + 4)).toBe(true);
    expect(await outcomeOf(sendSignInCode({ ...deps(), user: NO_MOBILE, context: quiet, now: T0 }))).toEqual({ refused: "mobile_required" });
  });
});
