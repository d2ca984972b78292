import { describe, expect, it } from "vitest";
import { testDatabases, useDatabase } from "@/test/databases";
import { hashPassword } from "./argon2";
import { isRecentPassword, recordPasswordHistory } from "./check-password-history";

const now = 1_767_225_600_000;
const PASSWORDS = ["first-Lantern-01", "second-Orbit-02", "third-Quiet-03", "fourth-Maple-04", "fifth-River-05", "sixth-Cedar-06", "seventh-Stone-07"];

const user = (id: string, email: string) => ({
  id, email, mobile: null, name: "测试", password_hash: null, status: "active" as const, role: "user" as const, locale: "zh-CN",
  frozen_reason: null, frozen_case_ref: null, frozen_at: null, password_changed_at: null, email_verified_at: null,
  created_at: now, updated_at: now,
});

describe.each(testDatabases())("password history on $name", (kind) => {
  const t = useDatabase(kind);

  /** Sets each password in turn, the way a reset does: the outgoing hash goes to the history in the same transaction. */
  async function changeThrough(userId: string, passwords: string[]): Promise<string> {
    let current = await hashPassword(passwords[0]);
    for (const [i, next] of passwords.slice(1).entries()) {
      const hash = await hashPassword(next);
      const old = current;
      await t.db.transaction().execute(async (trx) => {
        await recordPasswordHistory(trx, userId, old, now + i * 1000);
        await trx.updateTable("users").set({ password_hash: hash }).where("id", "=", userId).execute();
      });
      current = hash;
    }
    return current;
  }

  it("refuses the current and the last five passwords, accepts the sixth-oldest again, and keeps five rows", async () => {
    await t.db.insertInto("users").values([user("u-hist", "hist@qianneng.test"), user("u-other", "other@qianneng.test")]).execute();
    const current = await changeThrough("u-hist", PASSWORDS);
    await changeThrough("u-other", ["other-Start-00", PASSWORDS[0]]);

    expect(await isRecentPassword(t.db, "u-hist", PASSWORDS[6], current)).toBe(true);
    for (const previous of PASSWORDS.slice(1, 6)) expect(await isRecentPassword(t.db, "u-hist", previous, current)).toBe(true);
    expect(await isRecentPassword(t.db, "u-hist", PASSWORDS[0], current)).toBe(false);
    expect(await isRecentPassword(t.db, "u-hist", "never-Used-Before-99", current)).toBe(false);

    const rows = await t.db.selectFrom("password_history").select("user_id").where("user_id", "=", "u-hist").execute();
    expect(rows).toHaveLength(5);
  });

  it("compares in NFKC, as sign-in does", async () => {
    await t.db.insertInto("users").values(user("u-nfkc", "nfkc@qianneng.test")).execute();
    const current = await changeThrough("u-nfkc", ["ｆｕｌｌ-Width-Past-1", "plain-Now-2"]);
    expect(await isRecentPassword(t.db, "u-nfkc", "full-Width-Past-1", current)).toBe(true);
  });

  it("records nothing for an account that had no password, and checks only the history then", async () => {
    await t.db.insertInto("users").values(user("u-none", "none@qianneng.test")).execute();
    await recordPasswordHistory(t.db, "u-none", null, now);
    const rows = await t.db.selectFrom("password_history").selectAll().where("user_id", "=", "u-none").execute();
    expect(rows).toEqual([]);
    expect(await isRecentPassword(t.db, "u-none", "anything-At-All-1", null)).toBe(false);
  });

  it("goes with the account when it is deleted", async () => {
    await t.db.insertInto("users").values(user("u-gone", "gone@qianneng.test")).execute();
    await changeThrough("u-gone", ["gone-Before-1", "gone-After-2"]);
    await t.db.deleteFrom("users").where("id", "=", "u-gone").execute();
    const rows = await t.db.selectFrom("password_history").selectAll().where("user_id", "=", "u-gone").execute();
    expect(rows).toEqual([]);
  });
});
