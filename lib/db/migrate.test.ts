import { afterEach, describe, expect, it } from "vitest";
import { testDatabases, type TestDatabase } from "@/test/databases";
import { migrateToLatest } from "./migrate";
import { migrations } from "./migrations";

const TABLES = ["security_events", "sessions", "transactions", "users", "verification_tokens"];
const now = 1_767_225_600_000;

const user = (id: string, fields: { email?: string | null; mobile?: string | null }) => ({
  id,
  email: fields.email ?? null,
  mobile: fields.mobile ?? null,
  name: "测试",
  password_hash: null,
  status: "active" as const,
  role: "user" as const,
  locale: "zh-CN",
  frozen_reason: null,
  frozen_case_ref: null,
  frozen_at: null,
  password_changed_at: null,
  email_verified_at: null,
  created_at: now,
  updated_at: now,
});

describe.each(testDatabases())("migrations on $name", (kind) => {
  let open: TestDatabase | undefined;
  afterEach(async () => {
    await open?.cleanup();
    open = undefined;
  });

  it("a fresh database gets every table, and a second run applies nothing", async () => {
    open = await kind.open({ migrate: false });
    const before = await open.db.introspection.getTables();
    expect(before.filter((t) => TABLES.includes(t.name))).toEqual([]);

    const applied = await migrateToLatest(open.db);
    expect(applied).toEqual(Object.keys(migrations));
    const tables = (await open.db.introspection.getTables()).map((t) => t.name);
    expect(tables).toEqual(expect.arrayContaining(TABLES));

    expect(await migrateToLatest(open.db)).toEqual([]);
  });

  it("the users table refuses a user with neither email nor mobile", async () => {
    open = await kind.open();
    const { db } = open;
    await expect(db.insertInto("users").values(user("u-none", {})).execute()).rejects.toThrow(/users_has_identifier|constraint/i);
    await db.insertInto("users").values(user("u-mobile", { mobile: "+8613800138000" })).execute();
    await db.insertInto("users").values(user("u-email", { email: "a@qianneng.test" })).execute();
    const ids = (await db.selectFrom("users").select("id").orderBy("id").execute()).map((r) => r.id);
    expect(ids).toEqual(["u-email", "u-mobile"]);
  });

  it("email and mobile are unique", async () => {
    open = await kind.open();
    const { db } = open;
    await db.insertInto("users").values(user("u1", { email: "same@qianneng.test", mobile: "+8613800138000" })).execute();
    await expect(db.insertInto("users").values(user("u2", { email: "same@qianneng.test" })).execute()).rejects.toThrow(/unique/i);
    await expect(db.insertInto("users").values(user("u3", { mobile: "+8613800138000" })).execute()).rejects.toThrow(/unique/i);
    // Several accounts without a mobile are fine (NULLs are distinct).
    await db.insertInto("users").values(user("u4", { email: "b@qianneng.test" })).execute();
    await db.insertInto("users").values(user("u5", { email: "c@qianneng.test" })).execute();
    const count = await db.selectFrom("users").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(3);
  });

  it("sessions and transactions need an existing user and go with it", async () => {
    open = await kind.open();
    const { db } = open;
    await expect(
      db
        .insertInto("sessions")
        .values({ id: "s1", token_hash: "h1", user_id: "ghost", persistent: 0, ip: null, user_agent: null, created_at: now, last_seen_at: now, expires_at: now + 1 })
        .execute(),
    ).rejects.toThrow(/foreign key/i);
    await db.insertInto("users").values(user("u1", { email: "a@qianneng.test" })).execute();
    await db
      .insertInto("sessions")
      .values({ id: "s1", token_hash: "h1", user_id: "u1", persistent: 0, ip: null, user_agent: null, created_at: now, last_seen_at: now, expires_at: now + 1 })
      .execute();
    await db.deleteFrom("users").where("id", "=", "u1").execute();
    expect(await db.selectFrom("sessions").selectAll().execute()).toEqual([]);
  });

  it("epoch-millisecond columns come back as numbers", async () => {
    open = await kind.open();
    const { db } = open;
    await db.insertInto("users").values(user("u1", { email: "a@qianneng.test" })).execute();
    const row = await db.selectFrom("users").select(["created_at", "updated_at"]).executeTakeFirstOrThrow();
    expect(row).toEqual({ created_at: now, updated_at: now });
  });
});
