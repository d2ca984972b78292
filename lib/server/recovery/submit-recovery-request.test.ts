import sharp from "sharp";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Identifier } from "@/lib/identifier/normalize-identifier";
import { renderOutboxMessage } from "@/lib/outbox/render-outbox-message";
import { createSqlCounterStore } from "@/lib/server/counters/sql-counter-store";
import { openSealedText } from "@/lib/server/crypto/secret-box";
import { prunePastRetention } from "@/lib/server/housekeeping/prune-past-retention";
import { requestOneTimeCode } from "@/lib/server/one-time-codes/request-one-time-code";
import type { RequestContext } from "@/lib/server/request-context";
import { clearStatusTables, insertStatusAccounts, OWNER, T0 } from "@/test/status-accounts";
import { testDatabases, useDatabase } from "@/test/databases";
import { outcomeOf } from "@/test/outcome";
import { recoveryEvidenceKey } from "./evidence-key";
import { RECOVERY_EVIDENCE_RETENTION_MS, sealContext } from "./recovery-policy";
import * as secretBox from "@/lib/server/crypto/secret-box";
import { submitRecoveryRequest } from "./submit-recovery-request";

vi.mock("@/lib/server/crypto/secret-box", { spy: true });

const NEW_EMAIL: Identifier = { kind: "email", value: "new-home@qianneng.test" };
const NEW_MOBILE: Identifier = { kind: "mobile", value: "+8613700137000" };
const context: RequestContext = { ip: "203.0.113.9", userAgent: "vitest" };
const answers = { registrationMonth: "2024-03", amount: "128.50" };

async function png(): Promise<Blob> {
  const bytes = await sharp({ create: { width: 8, height: 8, channels: 3, background: "#3366cc" } })
    .png()
    .withMetadata({ exif: { IFD0: { Copyright: "secret-exif-marker" } } })
    .toBuffer();
  return new Blob([new Uint8Array(bytes)], { type: "image/png" });
}

describe.each(testDatabases())("recovery requests on $name", (kind) => {
  const database = useDatabase(kind);
  const db = () => database.db;
  const store = () => createSqlCounterStore(database.db);
  const outbox = () => database.db.selectFrom("outbox").selectAll().orderBy("created_at").execute();
  const codeSentTo = async (contact: Identifier, now: number) => {
    await requestOneTimeCode({ db: db(), store: store(), identifier: contact, context, purpose: "recovery", now });
    const message = (await outbox()).filter((m) => m.recipient === contact.value).at(-1);
    return /\b(\d{6})\b/.exec(message ? renderOutboxMessage(message).text : "")?.[1] ?? "";
  };
  const submit = async (account: string, contact: Identifier, now: number, extra: Partial<Parameters<typeof submitRecoveryRequest>[0]> = {}) => {
    const code = await codeSentTo(contact, now);
    return outcomeOf(submitRecoveryRequest({ db: db(), store: store(), contact, code, account, ...answers, photo: await png(), context, now: now + 1000, ...extra }));
  };

  beforeAll(async () => {
    await insertStatusAccounts(database.db);
  });
  beforeEach(async () => {
    await clearStatusTables(database.db);
    await database.db.deleteFrom("recovery_requests").execute();
    vi.mocked(secretBox.sealText).mockClear();
  });

  it("sends the code to the new contact, though no account has it", async () => {
    const code = await codeSentTo(NEW_MOBILE, T0);
    expect(code).toMatch(/^\d{6}$/);
    const [sms] = await outbox();
    expect(sms).toMatchObject({ channel: "sms", recipient: NEW_MOBILE.value, kind: "recovery_code", user_id: null });
    expect(sms.body_text).not.toContain(code);
  });

  it("answers a real and an unknown account alike, doing the same work, and stores a row for each", async () => {
    const real = await submit(OWNER.email, NEW_EMAIL, T0);
    const sealsForReal = vi.mocked(secretBox.sealText).mock.calls.length;
    const phantom = await submit("nobody-at-all@qianneng.test", NEW_MOBILE, T0 + 5000);
    expect(Object.keys(real)).toEqual(["reference"]);
    expect(Object.keys(phantom)).toEqual(["reference"]);
    expect((real as { reference: string }).reference).toMatch(/^QN-\d{4}-\d{6}$/);
    expect(vi.mocked(secretBox.sealText).mock.calls.length).toBe(2 * sealsForReal);

    const rows = await database.db.selectFrom("recovery_requests").selectAll().orderBy("created_at").execute();
    expect(rows.map((r) => [r.reference, r.user_id, r.status])).toEqual([
      [(real as { reference: string }).reference, OWNER.id, "pending"],
      [(phantom as { reference: string }).reference, null, "pending"],
    ]);
  });

  it("keeps the evidence sealed: neither the answers nor the contact are in the row, and the key opens them", async () => {
    await submit(OWNER.mobile, NEW_EMAIL, T0);
    const [row] = await database.db.selectFrom("recovery_requests").selectAll().execute();
    const text = JSON.stringify(row);
    for (const secret of [answers.amount, answers.registrationMonth, NEW_EMAIL.value, OWNER.mobile, "secret-exif-marker"]) expect(text).not.toContain(secret);
    const evidence = JSON.parse(openSealedText(row.evidence_sealed ?? "", { key: recoveryEvidenceKey(), context: sealContext(row.id, "evidence") }));
    expect(evidence).toEqual({ contact: NEW_EMAIL.value, account: OWNER.mobile, ...answers });
    const photo = openSealedText(row.photo_sealed ?? "", { key: recoveryEvidenceKey(), context: sealContext(row.id, "photo") });
    expect(photo.startsWith("image/png;")).toBe(true);
    expect(Buffer.from(photo.slice("image/png;".length), "base64").toString("latin1")).not.toContain("secret-exif-marker");
  });

  it("requires the code sent to the new contact", async () => {
    await codeSentTo(NEW_EMAIL, T0);
    const request = { db: db(), store: store(), contact: NEW_EMAIL, account: OWNER.email, ...answers, photo: await png(), context, now: T0 + 1000 };
    expect(await outcomeOf(submitRecoveryRequest({ ...request, code: "" }))).toEqual({ refused: "code_incorrect" });
    expect(await outcomeOf(submitRecoveryRequest({ ...request, contact: NEW_MOBILE, code: "123456" }))).toEqual({ refused: "code_invalid" });
    expect(await database.db.selectFrom("recovery_requests").select("id").execute()).toHaveLength(0);
  });

  it("refuses bad answers and files that are not images, next to their fields", async () => {
    const exe = new Blob([Buffer.concat([Buffer.from("MZ"), Buffer.alloc(200)])], { type: "image/png" });
    const big = new Blob([new Uint8Array(5 * 1024 * 1024 + 1)], { type: "image/png" });
    expect(await submit(OWNER.email, NEW_EMAIL, T0, { photo: exe })).toMatchObject({ refused: "photo_type" });
    expect(await submit(OWNER.email, NEW_EMAIL, T0 + 70_000, { photo: big })).toMatchObject({ refused: "photo_too_large" });
    expect(await submit(OWNER.email, NEW_EMAIL, T0 + 140_000, { photo: null })).toMatchObject({ refused: "photo_required" });
    expect(await submit(OWNER.email, NEW_EMAIL, T0, { registrationMonth: "2024-13" })).toMatchObject({ refused: "recovery_month_invalid" });
    expect(await submit(OWNER.email, NEW_EMAIL, T0, { amount: "12,5" })).toMatchObject({ refused: "recovery_amount_invalid" });
    expect(await submit(" ", NEW_EMAIL, T0, { account: " " })).toMatchObject({ refused: "recovery_account_required" });
    expect(await database.db.selectFrom("recovery_requests").select("id").execute()).toHaveLength(0);
  });

  it("accepts at most three requests a day for one new contact, even in parallel", async () => {
    const photo = await png();
    const attempts = await Promise.all(
      Array.from({ length: 5 }, () => outcomeOf(submitRecoveryRequest({ db: db(), store: store(), contact: NEW_EMAIL, code: "000000", account: OWNER.email, ...answers, photo, context: { ip: null, userAgent: "vitest" }, now: T0 }))),
    );
    expect(attempts.filter((a) => "refused" in a && a.refused === "rate_limited")).toHaveLength(2);
  });

  it("deletes the evidence 30 days after the decision, keeping the reference", async () => {
    await submit(OWNER.email, NEW_EMAIL, T0);
    await submit(OWNER.email, NEW_MOBILE, T0);
    const [decided, pending] = await database.db.selectFrom("recovery_requests").select(["id"]).orderBy("contact_kind").execute();
    await database.db.updateTable("recovery_requests").set({ status: "refused", decided_at: T0 }).where("id", "=", decided.id).execute();

    expect((await prunePastRetention(database.db, T0 + RECOVERY_EVIDENCE_RETENTION_MS - 1)).recovery_evidence).toBe(0);
    expect((await prunePastRetention(database.db, T0 + RECOVERY_EVIDENCE_RETENTION_MS)).recovery_evidence).toBe(1);
    const rows = await database.db.selectFrom("recovery_requests").select(["id", "reference", "evidence_sealed", "photo_sealed"]).execute();
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(decided.id)).toMatchObject({ evidence_sealed: null, photo_sealed: null });
    expect(byId.get(decided.id)?.reference).toMatch(/^QN-/);
    expect(byId.get(pending.id)?.evidence_sealed).not.toBeNull();
  });
});
