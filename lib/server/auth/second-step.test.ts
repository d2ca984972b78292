// The second step of a sign-in: what a right password of a two-step account opens, and how the step is answered.
import type { Kysely } from "kysely";
import { generate } from "otplib";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db";
import type { Database } from "@/lib/db/schema";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemoData } from "@/lib/db/seed";
import { DEMO_BACKUP_CODES, DEMO_TOTP_SECRETS } from "@/lib/db/seed-two-step";
import { getCounterStore } from "@/lib/server/counters";
import { accountPauseKey } from "@/lib/server/lockout/pause-key";
import { createSession } from "@/lib/server/sessions/create-session";
import { SECOND_STEP_SESSION_MS } from "@/lib/server/sessions/session-policy";
import { endAllSessions } from "@/lib/server/sessions/end-all-sessions";
import { sendSignInCode } from "@/lib/server/two-step/send-sign-in-code";
import { TRUSTED_BROWSER_COOKIE } from "@/lib/server/two-step/trusted-browser-cookie";
import { renderOutboxMessage } from "@/lib/outbox/render-outbox-message";
import { outcomeOf } from "@/test/outcome";
import { authorizeCredentials } from "./authorize-credentials";
import { completeSecondStep } from "./complete-second-step";

const state = vi.hoisted(() => {
  process.env.IP_AUTH_POST_PER_MINUTE = "100000";
  return { claims: null as null | { user: { id: string }; sessionId: string }, cookies: new Map<string, string>() };
});
vi.mock("@/auth", () => ({ auth: async () => state.claims }));
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: (name: string) => (state.cookies.has(name) ? { value: state.cookies.get(name) } : undefined), set: (name: string, value: string) => state.cookies.set(name, value) }),
  headers: async () => new Headers(),
}));

const TWO_FA = DEMO_ACCOUNTS[3];
const context = { ip: "198.51.100.60", userAgent: "vitest" };
const request = (cookie = "") => new Request("http://localhost/api/auth/callback/credentials", { headers: { "x-qn-client-ip": context.ip, "user-agent": "vitest", cookie } });
let db: Kysely<Database>;

/** This browser holds a second-step session made `age` ms ago (as Auth.js's jwt callback makes it). */
async function pendingStep(age = 0, remember = false) {
  const { id } = await createSession(db, { userId: TWO_FA.id, persistent: remember, context, purpose: "second_factor", now: Date.now() - age });
  state.claims = { user: { id: TWO_FA.id }, sessionId: id };
  return id;
}
const answer = (method: string, code: string, extra: Record<string, string> = {}) => outcomeOf(completeSecondStep({ method, code, ...extra }, request()));
const failures = async () => (await (await getCounterStore()).getFailures(accountPauseKey(TWO_FA.id), Date.now()))?.failures ?? 0;

beforeAll(async () => {
  db = await getDb();
});
beforeEach(async () => {
  await seedDemoData(db);
  await (await getCounterStore()).clearFailures([accountPauseKey(TWO_FA.id)]);
  await db.deleteFrom("sessions").execute();
  await db.deleteFrom("trusted_browsers").execute();
  state.claims = null;
  state.cookies.clear();
});

describe("a right password of a two-step account", () => {
  it("opens only the second step, and neither counts nor clears the failures before it", async () => {
    for (let i = 0; i < 2; i++) await outcomeOf(authorizeCredentials({ identifier: TWO_FA.email, password: "wrong" }, request()));
    expect(await authorizeCredentials({ identifier: TWO_FA.email, password: DEMO_PASSWORD }, request())).toMatchObject({ id: TWO_FA.id, stage: "second_factor" });
    expect(await failures()).toBe(2);
  });

  it("goes straight in on a browser trusted for this account, and only there", async () => {
    await pendingStep();
    await answer("totp", await generate({ secret: DEMO_TOTP_SECRETS[TWO_FA.email] }), { trust: "on" });
    const token = state.cookies.get(TRUSTED_BROWSER_COOKIE)!;
    expect(token).toBeTruthy();
    expect(JSON.stringify(await db.selectFrom("trusted_browsers").selectAll().execute())).not.toContain(token);
    const trusted = await authorizeCredentials({ identifier: TWO_FA.email, password: DEMO_PASSWORD }, request(`${TRUSTED_BROWSER_COOKIE}=${token}`));
    expect(trusted.stage).toBeUndefined();
    const elsewhere = await authorizeCredentials({ identifier: TWO_FA.email, password: DEMO_PASSWORD }, request(`${TRUSTED_BROWSER_COOKIE}=forged-token`));
    expect(elsewhere.stage).toBe("second_factor");
    // A cookie this server never set is no trust, and no crash.
    const garbled = await authorizeCredentials({ identifier: TWO_FA.email, password: DEMO_PASSWORD }, request(`${TRUSTED_BROWSER_COOKIE}=%E0%A4%A`));
    expect(garbled.stage).toBe("second_factor");
    // A password change, reset or freeze ends the sessions and the trust with them.
    await endAllSessions(db, TWO_FA.id, { reason: "signed_out_elsewhere" });
    const afterReset = await authorizeCredentials({ identifier: TWO_FA.email, password: DEMO_PASSWORD }, request(`${TRUSTED_BROWSER_COOKIE}=${token}`));
    expect(afterReset.stage).toBe("second_factor");
  });
});

describe("the second step", () => {
  it("signs in with the app's code, spends the step, and remembers 'keep me signed in'", async () => {
    const id = await pendingStep(0, true);
    const result = await answer("totp", await generate({ secret: DEMO_TOTP_SECRETS[TWO_FA.email] }));
    expect(result).toMatchObject({ id: TWO_FA.id, remember: true });
    expect(await db.selectFrom("sessions").select("id").where("id", "=", id).executeTakeFirst()).toBeUndefined();
    const [event] = await db.selectFrom("security_events").select(["type", "detail"]).where("type", "=", "sign_in_succeeded").execute();
    expect(JSON.parse(event.detail!)).toEqual({ via: "totp" });
  });

  it("takes a backup code once", async () => {
    await pendingStep();
    expect(await answer("backup", DEMO_BACKUP_CODES[1].toUpperCase())).toMatchObject({ id: TWO_FA.id });
    await pendingStep();
    expect(await answer("backup", DEMO_BACKUP_CODES[1])).toEqual({ refused: "invalid_credentials" });
  });

  it("five wrong codes are five failed sign-ins: the fifth pauses, like a wrong password", async () => {
    await pendingStep();
    const results = [];
    for (let i = 0; i < 6; i++) results.push(await answer("totp", String(100000 + i)));
    expect(results.slice(0, 4)).toEqual(Array(4).fill({ refused: "invalid_credentials" }));
    expect(results[4]).toMatchObject({ refused: "sign_in_paused" });
    expect(results[5]).toMatchObject({ refused: "sign_in_paused" });
    expect(await failures()).toBe(5);
  });

  it("lives 5 minutes", async () => {
    await pendingStep(SECOND_STEP_SESSION_MS + 1000);
    expect(await answer("totp", await generate({ secret: DEMO_TOTP_SECRETS[TWO_FA.email] }))).toEqual({ refused: "second_step_expired" });
  });

  it("the same right code sent 20 times at once signs in once", async () => {
    await pendingStep();
    const code = await generate({ secret: DEMO_TOTP_SECRETS[TWO_FA.email] });
    const results = await Promise.all(Array.from({ length: 20 }, () => answer("totp", code)));
    expect(results.filter((r) => "id" in r)).toHaveLength(1);
  });

  it("counts only a factor the owner turned on: a right SMS code is refused once SMS is off", async () => {
    await db.updateTable("users").set({ sms_two_step_at: null }).where("id", "=", TWO_FA.id).execute();
    await pendingStep();
    const user = await db.selectFrom("users").selectAll().where("id", "=", TWO_FA.id).executeTakeFirstOrThrow();
    await sendSignInCode({ db, store: await getCounterStore(), user, context });
    const [sms] = await db.selectFrom("outbox").selectAll().where("user_id", "=", TWO_FA.id).where("channel", "=", "sms").orderBy("created_at", "desc").limit(1).execute();
    const code = /\d{6}/.exec(renderOutboxMessage(sms).text)![0];
    expect(await answer("sms", code)).toEqual({ refused: "invalid_credentials" });
  });

  it("refuses what is not an answer: an unknown method, a missing step", async () => {
    await pendingStep();
    expect(await answer("carrier-pigeon", "123456")).toEqual({ refused: "invalid_input" });
    state.claims = null;
    expect(await answer("totp", "123456")).toEqual({ refused: "second_step_expired" });
  });
});
