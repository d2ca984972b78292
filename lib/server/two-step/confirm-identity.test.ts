import { generate } from "otplib";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { hashPassword } from "@/lib/password/argon2";
import { createSqlCounterStore } from "@/lib/server/counters/sql-counter-store";
import { testDatabases, useDatabase } from "@/test/databases";
import { outcomeOf } from "@/test/outcome";
import { context, insertAccount, sessionProvedAt, T0 } from "@/test/two-step-accounts";
import { confirmIdentity } from "./confirm-identity";
import { confirmTotpEnrolment } from "./confirm-totp-enrolment";
import { hasRecentProof } from "./recent-proof";
import { startTotpEnrolment } from "./start-totp-enrolment";

const PASSWORD = "Qianneng#2026";
const LATE = T0 + 11 * 60_000;

describe.each(testDatabases())("confirm it's you on $name", (kind) => {
  const database = useDatabase(kind);
  const user = { id: "proof-user", email: "proof@qianneng.test", mobile: null, locale: "en", password_hash: "" };
  const session = { id: "proof-session" };
  const readSession = () => database.db.selectFrom("sessions").select(["id", "proved_at"]).where("id", "=", session.id).executeTakeFirstOrThrow();
  const confirm = (proof: { password: string } | { code: string }, now = LATE) =>
    outcomeOf(confirmIdentity({ db: database.db, store: createSqlCounterStore(database.db), user, session: sessionProvedAt(T0, session.id), context: { ...context, ip: null }, proof, now }));

  beforeAll(async () => {
    user.password_hash = await hashPassword(PASSWORD);
    await insertAccount(database.db, user);
    await database.db.insertInto("sessions").values({ id: session.id, token_hash: "proof-token", user_id: user.id, persistent: 0, purpose: "full", ip: null, user_agent: null, created_at: T0, last_seen_at: T0, expires_at: T0 + 86_400_000, proved_at: T0 }).execute();
  });
  beforeEach(async () => {
    await database.db.deleteFrom("rate_counters").execute();
    await database.db.updateTable("sessions").set({ proved_at: T0 }).execute();
  });

  it("the password renews the session's proof; a wrong one does not", async () => {
    expect(hasRecentProof(await readSession(), LATE)).toBe(false);
    expect(await confirm({ password: "wrong" })).toEqual({ refused: "current_password_wrong", field: "password" });
    expect(hasRecentProof(await readSession(), LATE)).toBe(false);
    expect(await confirm({ password: PASSWORD })).toBeUndefined();
    expect(hasRecentProof(await readSession(), LATE)).toBe(true);
    const events = await database.db.selectFrom("security_events").select("type").orderBy("id").execute();
    expect(events.map((e) => e.type)).toEqual(["identity_check_failed", "identity_confirmed"]);
  });

  it("a code from the authenticator app renews it too", async () => {
    const { key } = await startTotpEnrolment(database.db, { user, session: sessionProvedAt(T0), now: T0 });
    const secret = key.replace(/ /g, "");
    await confirmTotpEnrolment(database.db, { user, session: sessionProvedAt(T0), context, code: await generate({ secret, epoch: T0 / 1000 }), now: T0 });
    expect(await confirm({ code: "000000" })).toEqual({ refused: "code_incorrect", field: "code" });
    expect(await confirm({ code: await generate({ secret, epoch: LATE / 1000 }) })).toBeUndefined();
    expect(hasRecentProof(await readSession(), LATE)).toBe(true);
  });

  it("five wrong answers in one session make it wait, even for the right password", async () => {
    for (let i = 0; i < 5; i++) expect(await confirm({ password: `wrong-${i}` })).toMatchObject({ refused: "current_password_wrong" });
    expect(await confirm({ password: PASSWORD })).toMatchObject({ refused: "rate_limited" });
    expect(hasRecentProof(await readSession(), LATE)).toBe(false);
    expect(await confirm({ password: PASSWORD }, LATE + 15 * 60_000)).toBeUndefined();
  });
});
