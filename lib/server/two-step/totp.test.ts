import { generate } from "otplib";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { testDatabases, useDatabase } from "@/test/databases";
import { outcomeOf } from "@/test/outcome";
import { context, insertAccount, sessionProvedAt, T0 } from "@/test/two-step-accounts";
import { confirmTotpEnrolment } from "./confirm-totp-enrolment";
import { findTwoStepMethods } from "./find-two-step-methods";
import { startTotpEnrolment } from "./start-totp-enrolment";
import { turnOffTotp } from "./turn-off-totp";
import { verifyTotpCode } from "./verify-totp-code";

const USER = { id: "totp-user", email: "totp@qianneng.test", mobile: "+8613900139001", locale: "en", password_hash: null };
const STEP_MS = 30_000;
const proved = sessionProvedAt(T0);

describe.each(testDatabases())("authenticator app on $name", (kind) => {
  const database = useDatabase(kind);
  const codeAt = (secret: string, at: number) => generate({ secret, epoch: Math.floor(at / 1000) });
  const verify = (code: string, now: number) => verifyTotpCode(database.db, { userId: USER.id, code, now });
  const outbox = () => database.db.selectFrom("outbox").select(["channel", "recipient", "kind", "body_text", "subject"]).orderBy("created_at").execute();

  /** Enrols the app at T0 and returns its secret. */
  async function enrol(): Promise<string> {
    const { key } = await startTotpEnrolment(database.db, { user: USER, session: proved, now: T0 });
    const secret = key.replace(/ /g, "");
    await confirmTotpEnrolment(database.db, { user: USER, session: proved, context, code: await codeAt(secret, T0), now: T0 });
    return secret;
  }

  beforeAll(async () => {
    await insertAccount(database.db, USER);
  });
  beforeEach(async () => {
    for (const table of ["totp_credentials", "outbox", "security_events"] as const) await database.db.deleteFrom(table).execute();
  });

  it("enrols by QR code and key: the secret is sealed, the first code turns the app on, the change is audited and announced", async () => {
    const enrolment = await startTotpEnrolment(database.db, { user: USER, session: proved, now: T0 });
    const secret = enrolment.key.replace(/ /g, "");
    expect(secret).toMatch(/^[A-Z2-7]{32}$/); // 20 random bytes
    expect(enrolment.uri).toContain(`otpauth://totp/${encodeURIComponent("钱能钱包")}:${encodeURIComponent(USER.email)}?`);
    expect(enrolment.uri).toContain(`secret=${secret}`);
    expect(enrolment.qrSvg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
    const row = await database.db.selectFrom("totp_credentials").selectAll().executeTakeFirstOrThrow();
    expect(row.secret_sealed).not.toContain(secret);
    expect((await findTwoStepMethods(database.db, USER.id)).totp).toBe(false);

    const refused = await outcomeOf(confirmTotpEnrolment(database.db, { user: USER, session: proved, context, code: "000000", now: T0 }));
    expect(refused).toEqual({ refused: "code_incorrect", field: "code" });
    await confirmTotpEnrolment(database.db, { user: USER, session: proved, context, code: await codeAt(secret, T0), now: T0 });
    expect((await findTwoStepMethods(database.db, USER.id)).totp).toBe(true);

    const events = await database.db.selectFrom("security_events").select(["type", "user_id", "ip"]).execute();
    expect(events).toEqual([{ type: "two_step_app_enabled", user_id: USER.id, ip: context.ip }]);
    const sent = await outbox();
    expect(sent.map((m) => [m.channel, m.recipient, m.kind])).toEqual([
      ["email", USER.email, "two_step_changed"],
      ["sms", USER.mobile, "two_step_changed"],
    ]);
    expect(sent[0].body_text).toContain("an authenticator app was turned on");
    expect(sent[0].body_text).toContain("203.0.113.*");
    expect(sent[0].body_text).toContain("Chrome 124");
    expect(sent[0].body_text).toMatch(/this wasn.t you.*freezes your account/s);
  });

  it("a new start replaces an unconfirmed key; a start while the app is on is refused", async () => {
    const first = await startTotpEnrolment(database.db, { user: USER, session: proved, now: T0 });
    const second = await startTotpEnrolment(database.db, { user: USER, session: proved, now: T0 + 1000 });
    expect(second.key).not.toBe(first.key);
    const oldCode = await codeAt(first.key.replace(/ /g, ""), T0 + 1000);
    const newCode = await codeAt(second.key.replace(/ /g, ""), T0 + 1000);
    if (oldCode !== newCode) expect(await outcomeOf(confirmTotpEnrolment(database.db, { user: USER, session: proved, context, code: oldCode, now: T0 + 1000 }))).toEqual({ refused: "code_incorrect", field: "code" });
    await confirmTotpEnrolment(database.db, { user: USER, session: proved, context, code: newCode, now: T0 + 1000 });
    expect(await outcomeOf(startTotpEnrolment(database.db, { user: USER, session: proved, now: T0 + 2000 }))).toEqual({ refused: "totp_already_on" });
    expect(await database.db.selectFrom("totp_credentials").selectAll().execute()).toHaveLength(1);
  });

  it("accepts a code one step early or late, refuses two steps away", async () => {
    const secret = await enrol();
    const now = T0 + 10 * STEP_MS;
    expect(await verify(await codeAt(secret, now - 2 * STEP_MS), now)).toBe(false);
    expect(await verify(await codeAt(secret, now + 2 * STEP_MS), now)).toBe(false);
    expect(await verify(await codeAt(secret, now - STEP_MS), now)).toBe(true);
    expect(await verify(await codeAt(secret, now), now)).toBe(true);
    expect(await verify(await codeAt(secret, now + STEP_MS), now)).toBe(true);
  });

  it("a code is good once per step: a replay in the same step is refused, the next step's code is accepted", async () => {
    const secret = await enrol();
    const now = T0 + 20 * STEP_MS;
    const code = await codeAt(secret, now);
    expect(await verify(code, now)).toBe(true);
    expect(await verify(code, now + 1000)).toBe(false);
    // The confirmation's own code was spent too.
    expect(await verify(await codeAt(secret, T0), T0)).toBe(false);
    expect(await verify(await codeAt(secret, now + STEP_MS), now + STEP_MS)).toBe(true);
  });

  it("the same code sent 20 times at once is accepted exactly once", async () => {
    const secret = await enrol();
    const now = T0 + 40 * STEP_MS;
    const code = await codeAt(secret, now);
    const answers = await Promise.all(Array.from({ length: 20 }, () => verify(code, now)));
    expect(answers.filter(Boolean)).toHaveLength(1);
  });

  it("malformed input and an account without a confirmed app answer false, never throw", async () => {
    for (const code of ["", "12345", "1234567", "abcdef", "12 34 56 78", "x".repeat(10_000)]) expect(await verify(code, T0)).toBe(false);
    await startTotpEnrolment(database.db, { user: USER, session: proved, now: T0 });
    expect(await verify("123456", T0)).toBe(false);
    expect(await verifyTotpCode(database.db, { userId: "nobody", code: "123456", now: T0 })).toBe(false);
  });

  it("turning the app off removes it and is announced; then nothing verifies", async () => {
    const secret = await enrol();
    await database.db.deleteFrom("outbox").execute();
    await turnOffTotp(database.db, { user: USER, session: proved, context, now: T0 + STEP_MS });
    expect((await findTwoStepMethods(database.db, USER.id)).totp).toBe(false);
    expect(await verify(await codeAt(secret, T0 + 2 * STEP_MS), T0 + 2 * STEP_MS)).toBe(false);
    expect((await outbox()).map((m) => m.channel)).toEqual(["email", "sms"]);
    expect(await outcomeOf(turnOffTotp(database.db, { user: USER, session: proved, context, now: T0 + STEP_MS }))).toEqual({ refused: "totp_not_on" });
  });

  it("changes need a proof from the last 10 minutes: 11 minutes after it, reauth_required and nothing changes", async () => {
    const late = T0 + 11 * 60_000;
    expect(await outcomeOf(startTotpEnrolment(database.db, { user: USER, session: proved, now: late }))).toEqual({ refused: "reauth_required" });
    expect(await outcomeOf(startTotpEnrolment(database.db, { user: USER, session: sessionProvedAt(null), now: late }))).toEqual({ refused: "reauth_required" });
    const secret = await enrol();
    expect(await outcomeOf(turnOffTotp(database.db, { user: USER, session: proved, context, now: late }))).toEqual({ refused: "reauth_required" });
    expect((await findTwoStepMethods(database.db, USER.id)).totp).toBe(true);
    expect(secret).toBeTruthy();
  });
});
