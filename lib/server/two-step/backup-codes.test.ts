import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { testDatabases, useDatabase } from "@/test/databases";
import { outcomeOf } from "@/test/outcome";
import { context, insertAccount, sessionProvedAt, T0 } from "@/test/two-step-accounts";
import { consumeBackupCode } from "./consume-backup-code";
import { findTwoStepMethods } from "./find-two-step-methods";
import { regenerateBackupCodes } from "./regenerate-backup-codes";

const USER = { id: "backup-user", email: "backup@qianneng.test", mobile: "+8613900139002", locale: "zh-CN", password_hash: null };
const OTHER = { id: "backup-other", email: "backup-other@qianneng.test", mobile: null, locale: "en", password_hash: null };
const proved = sessionProvedAt(T0);

describe.each(testDatabases())("backup codes on $name", (kind) => {
  const database = useDatabase(kind);
  const regenerate = (now = T0) => regenerateBackupCodes(database.db, { user: USER, session: proved, context, now });
  const consume = (code: string, userId = USER.id) => consumeBackupCode(database.db, { userId, code, now: T0 + 1000 });

  beforeAll(async () => {
    await insertAccount(database.db, USER);
    await insertAccount(database.db, OTHER);
  });
  beforeEach(async () => {
    for (const table of ["backup_codes", "outbox", "security_events"] as const) await database.db.deleteFrom(table).execute();
  });

  it("gives ten distinct codes like abcde-fghjk and stores only keyed hashes of them", async () => {
    const codes = await regenerate();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[a-hjkmnp-z2-9]{5}-[a-hjkmnp-z2-9]{5}$/);
    const rows = await database.db.selectFrom("backup_codes").selectAll().execute();
    expect(rows).toHaveLength(10);
    const stored = JSON.stringify(rows);
    for (const code of codes) {
      expect(stored).not.toContain(code);
      expect(stored).not.toContain(code.replace("-", ""));
    }
    const sent = await database.db.selectFrom("outbox").select(["channel", "kind", "body_text"]).execute();
    expect(sent.map((m) => [m.channel, m.kind])).toEqual([["email", "two_step_changed"], ["sms", "two_step_changed"]]);
    for (const message of sent) for (const code of codes) expect(message.body_text).not.toContain(code);
    expect(sent[0].body_text).toContain("生成了新的备用验证码");
    const events = await database.db.selectFrom("security_events").select(["type", "detail"]).execute();
    expect(events).toEqual([{ type: "backup_codes_generated", detail: null }]);
  });

  it("each code works once, typed in any case, with or without spaces and dashes, and only for its own account", async () => {
    const [first, second, third] = await regenerate();
    expect(await consume(first, OTHER.id)).toBe(false);
    expect(await consume(` ${first.toUpperCase().replace("-", " - ")} `)).toBe(true);
    expect(await consume(first)).toBe(false);
    expect(await consume(second.replace("-", ""))).toBe(true);
    expect(await consume(third)).toBe(true);
    expect((await findTwoStepMethods(database.db, USER.id)).backupCodes).toBe(7);
  });

  it("malformed input answers false, never throws", async () => {
    await regenerate();
    for (const code of ["", "abc", "abcde-fghj1", "ο".repeat(10), "x".repeat(10_000)]) expect(await consume(code)).toBe(false);
  });

  it("the same code sent 20 times at once is accepted exactly once", async () => {
    const [code] = await regenerate();
    const answers = await Promise.all(Array.from({ length: 20 }, () => consume(code)));
    expect(answers.filter(Boolean)).toHaveLength(1);
  });

  it("regenerating kills the old set, used or not", async () => {
    const old = await regenerate();
    expect(await consume(old[0])).toBe(true);
    const fresh = await regenerate(T0 + 2000);
    for (const code of old) expect(await consume(code)).toBe(false);
    expect(await database.db.selectFrom("backup_codes").selectAll().execute()).toHaveLength(10);
    expect(await consume(fresh[0])).toBe(true);
  });

  it("needs a proof from the last 10 minutes", async () => {
    const old = await regenerate();
    expect(await outcomeOf(regenerate(T0 + 11 * 60_000))).toEqual({ refused: "reauth_required" });
    expect(await consume(old[0])).toBe(true);
  });
});
