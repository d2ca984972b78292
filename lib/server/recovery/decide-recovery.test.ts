import sharp from "sharp";
import { beforeEach, describe, expect, it } from "vitest";
import type { Identifier } from "@/lib/identifier/normalize-identifier";
import { renderOutboxMessage } from "@/lib/outbox/render-outbox-message";
import { createSqlCounterStore } from "@/lib/server/counters/sql-counter-store";
import { isResetLinkValid } from "@/lib/server/reset/find-reset-link";
import { RESET_HOLD_MS } from "@/lib/server/reset/reset-hold-policy";
import { requestOneTimeCode } from "@/lib/server/one-time-codes/request-one-time-code";
import { clearStatusTables, insertStatusAccounts, OWNER, T0 } from "@/test/status-accounts";
import { testDatabases, useDatabase } from "@/test/databases";
import { outcomeOf } from "@/test/outcome";
import { approveRecovery } from "./approve-recovery";
import { checkRecoveryAnswers } from "./check-recovery-answers";
import { refuseRecovery } from "./refuse-recovery";
import { sendDueRecoveryLinks } from "./send-due-recovery-links";
import { submitRecoveryRequest } from "./submit-recovery-request";

const NEW_EMAIL: Identifier = { kind: "email", value: "found-again@qianneng.test" };
const NEW_MOBILE: Identifier = { kind: "mobile", value: "+8613700137001" };
const AGENT = "agent-1";
const context = { ip: null, userAgent: "vitest" };

describe.each(testDatabases())("recovery decisions on $name", (kind) => {
  const database = useDatabase(kind);
  const db = () => database.db;
  const outbox = () => database.db.selectFrom("outbox").selectAll().orderBy("created_at").execute();
  const textOf = async (recipient: string) => (await outbox()).filter((m) => m.recipient === recipient).map((m) => renderOutboxMessage(m).text);

  async function file(account: string, contact: Identifier, answers = { registrationMonth: "2026-01", amount: "88.00" }): Promise<string> {
    const store = createSqlCounterStore(database.db);
    await requestOneTimeCode({ db: db(), store, identifier: contact, context, purpose: "recovery", now: T0 });
    const code = /\b(\d{6})\b/.exec((await textOf(contact.value)).at(-1) ?? "")?.[1] ?? "";
    const photo = new Blob([new Uint8Array(await sharp({ create: { width: 4, height: 4, channels: 3, background: "#fff" } }).jpeg().toBuffer())]);
    const { reference } = await submitRecoveryRequest({ db: db(), store, contact, code, account, ...answers, photo, context, now: T0 + 1 });
    const row = await database.db.selectFrom("recovery_requests").select("id").where("reference", "=", reference).executeTakeFirstOrThrow();
    return row.id;
  }

  beforeEach(async () => {
    await clearStatusTables(database.db);
    for (const table of ["recovery_requests", "ended_sessions", "sessions", "trusted_browsers", "totp_credentials", "backup_codes", "passkeys", "transactions", "verification_tokens"] as const) await database.db.deleteFrom(table).execute();
    await database.db.deleteFrom("users").execute();
    await insertStatusAccounts(database.db);
    await database.db.updateTable("users").set({ password_hash: "old-hash", sms_two_step_at: T0 }).where("id", "=", OWNER.id).execute();
    await database.db.insertInto("users").values({ id: AGENT, email: "agent@qianneng.test", mobile: null, name: "agent", password_hash: null, status: "active", role: "agent", locale: "en", frozen_reason: null, frozen_case_ref: null, frozen_at: null, password_changed_at: null, email_verified_at: null, created_at: T0, updated_at: T0 }).execute();
    const owned = { user_id: OWNER.id, created_at: T0 };
    await database.db.insertInto("sessions").values({ id: "s1", token_hash: "h1", ...owned, persistent: 1, ip: null, user_agent: null, last_seen_at: T0, expires_at: T0 + 30 * 86_400_000 }).execute();
    await database.db.insertInto("trusted_browsers").values({ id: "tb1", token_hash: "t1", ...owned, ip: null, user_agent: null, last_used_at: T0, expires_at: T0 + 86_400_000 }).execute();
    await database.db.insertInto("totp_credentials").values({ ...owned, secret_sealed: "x", confirmed_at: T0 }).execute();
    await database.db.insertInto("backup_codes").values({ id: "b1", ...owned, code_hash: "c", used_at: null }).execute();
    await database.db.insertInto("passkeys").values({ id: "p1", ...owned, public_key: "k", transports: null, name: "phone", last_used_at: null }).execute();
    await database.db.insertInto("transactions").values({ id: "tx1", user_id: OWNER.id, kind: "payment", amount_cents: -8800, currency: "CNY", counterparty: "shop", occurred_at: T0 - 86_400_000 }).execute();
  });

  it("approval replaces the contacts and ends sessions and every second factor at once; the link follows after 72 h", async () => {
    const id = await file(OWNER.email, NEW_EMAIL);
    expect(await approveRecovery(db(), { requestId: id, agentId: AGENT, reason: "ID and answers match", now: T0 + 10 })).toEqual({ resetLinkAt: T0 + 10 + RESET_HOLD_MS });

    const user = await database.db.selectFrom("users").selectAll().where("id", "=", OWNER.id).executeTakeFirstOrThrow();
    expect(user).toMatchObject({ email: NEW_EMAIL.value, mobile: null, password_hash: null, sms_two_step_at: null });
    for (const table of ["sessions", "trusted_browsers", "totp_credentials", "backup_codes", "passkeys"] as const) expect(await database.db.selectFrom(table).selectAll().execute()).toEqual([]);
    expect(await database.db.selectFrom("ended_sessions").select(["session_id", "reason"]).execute()).toEqual([{ session_id: "s1", reason: "recovered" }]);
    expect((await textOf(OWNER.email)).at(-1)).toContain("72");
    expect(await textOf(OWNER.mobile)).toHaveLength(1);
    const audit = await database.db.selectFrom("security_events").select(["user_id", "detail"]).where("type", "=", "recovery_approved").executeTakeFirstOrThrow();
    expect(audit.user_id).toBe(OWNER.id);
    expect(JSON.stringify(audit.detail)).toContain(AGENT);

    expect(await sendDueRecoveryLinks(db(), T0 + 10 + RESET_HOLD_MS - 1)).toBe(0);
    expect(await textOf(NEW_EMAIL.value)).toHaveLength(1); // only the code so far
    expect(await sendDueRecoveryLinks(db(), T0 + 10 + RESET_HOLD_MS)).toBe(1);
    expect(await sendDueRecoveryLinks(db(), T0 + 20 + RESET_HOLD_MS)).toBe(0);
    const link = (await textOf(NEW_EMAIL.value)).at(-1) ?? "";
    const url = new URL(/https?:\/\/\S+reset-password\S+/.exec(link)?.[0] ?? "http://x");
    expect(url.searchParams.get("email")).toBe(NEW_EMAIL.value);
    expect(await isResetLinkValid(db(), { email: NEW_EMAIL.value, token: url.searchParams.get("token") ?? "", now: T0 + 30 + RESET_HOLD_MS })).toBe(true);
  });

  it("a mobile contact replaces both old ones and is texted where to reset", async () => {
    const id = await file(OWNER.mobile, NEW_MOBILE);
    await approveRecovery(db(), { requestId: id, agentId: AGENT, reason: "ok", now: T0 + 10 });
    expect(await database.db.selectFrom("users").select(["email", "mobile"]).where("id", "=", OWNER.id).executeTakeFirstOrThrow()).toEqual({ email: null, mobile: NEW_MOBILE.value });
    await sendDueRecoveryLinks(db(), T0 + 10 + RESET_HOLD_MS);
    expect((await textOf(NEW_MOBILE.value)).at(-1)).toContain("/forgot-password");
  });

  it("refuses a decision twice, on the agent's own account, without a reason, or without a matched account; nothing changes", async () => {
    const own = await file("agent@qianneng.test", NEW_EMAIL);
    expect(await outcomeOf(approveRecovery(db(), { requestId: own, agentId: AGENT, reason: "mine", now: T0 + 10 }))).toMatchObject({ refused: "invalid_input" });
    expect(await outcomeOf(refuseRecovery(db(), { requestId: own, agentId: AGENT, reason: "mine", now: T0 + 10 }))).toMatchObject({ refused: "invalid_input" });
    const phantom = await file("nobody@qianneng.test", NEW_MOBILE);
    expect(await outcomeOf(approveRecovery(db(), { requestId: phantom, agentId: AGENT, reason: "x", now: T0 + 10 }))).toMatchObject({ refused: "invalid_input" });
    const id = await file(OWNER.email, { kind: "email", value: "third@qianneng.test" });
    expect(await outcomeOf(approveRecovery(db(), { requestId: id, agentId: AGENT, reason: " ", now: T0 + 10 }))).toMatchObject({ refused: "invalid_input" });
    const both = await Promise.all([outcomeOf(approveRecovery(db(), { requestId: id, agentId: AGENT, reason: "a", now: T0 + 10 })), outcomeOf(refuseRecovery(db(), { requestId: id, agentId: AGENT, reason: "b", now: T0 + 10 }))]);
    expect(both.filter((o) => typeof o === "object" && o !== null && "refused" in o)).toHaveLength(1);
    const statuses = await database.db.selectFrom("recovery_requests").select("status").where("id", "in", [own, phantom]).execute();
    expect(statuses.map((s) => s.status)).toEqual(["pending", "pending"]);
  });

  it("refusal sends the reason to the new contact and leaves the account as it was", async () => {
    const id = await file(OWNER.email, NEW_EMAIL);
    await refuseRecovery(db(), { requestId: id, agentId: AGENT, reason: "The ID photo is unreadable", now: T0 + 10 });
    expect((await textOf(NEW_EMAIL.value)).at(-1)).toContain("The ID photo is unreadable");
    expect(await database.db.selectFrom("users").select(["email", "password_hash"]).where("id", "=", OWNER.id).executeTakeFirstOrThrow()).toEqual({ email: OWNER.email, password_hash: "old-hash" });
    expect(await database.db.selectFrom("sessions").select("id").execute()).toHaveLength(1);
  });

  it("checks the answers against the account: match and no match", async () => {
    expect(await checkRecoveryAnswers(db(), await file(OWNER.email, NEW_EMAIL))).toEqual({ registrationMonth: true, amount: true });
    expect(await checkRecoveryAnswers(db(), await file(OWNER.email, NEW_MOBILE, { registrationMonth: "2025-12", amount: "88.01" }))).toEqual({ registrationMonth: false, amount: false });
    expect(await checkRecoveryAnswers(db(), await file("nobody@qianneng.test", { kind: "email", value: "z@qianneng.test" }))).toBeNull();
  });
});
