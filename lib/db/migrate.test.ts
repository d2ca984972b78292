import { sql, type Kysely } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { testDatabases, type TestDatabase } from "@/test/databases";
import { migrateToLatest } from "./migrate";
import { migrations } from "./migrations";
import type { Database } from "./schema";

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

type IndexInfo = { table: string; index: string; unique: boolean; columns: string[] };

/** Every index of the database's tables, with its columns in order. */
async function listIndexes(db: Kysely<Database>, kind: "sqlite" | "postgres"): Promise<IndexInfo[]> {
  if (kind === "postgres") {
    const { rows } = await sql<IndexInfo>`
      select t.relname::text as "table", i.relname::text as "index", ix.indisunique as "unique",
             array_agg(a.attname::text order by k.ord) as "columns"
      from pg_index ix
      join pg_class i on i.oid = ix.indexrelid
      join pg_class t on t.oid = ix.indrelid
      join pg_namespace n on n.oid = t.relnamespace and n.nspname = current_schema()
      cross join lateral unnest(ix.indkey) with ordinality as k(attnum, ord)
      join pg_attribute a on a.attrelid = t.oid and a.attnum = k.attnum
      group by t.relname, i.relname, ix.indisunique`.execute(db);
    return rows;
  }
  const tables = (await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(db)).rows;
  const indexes: IndexInfo[] = [];
  for (const { name: table } of tables) {
    const list = (await sql<{ name: string; unique: number }>`select name, "unique" from pragma_index_list(${table})`.execute(db)).rows;
    for (const index of list) {
      const columns = (await sql<{ name: string }>`select name from pragma_index_info(${index.name}) order by seqno`.execute(db)).rows.map((c) => c.name);
      indexes.push({ table, index: index.name, unique: index.unique === 1, columns });
    }
  }
  return indexes;
}

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

  it("no plain index is a leading prefix of another on its table (it would only cost writes)", async () => {
    open = await kind.open();
    const indexes = await listIndexes(open.db, kind.name);
    expect(indexes.find((i) => i.index === "security_events_user_page")?.columns).toEqual(["user_id", "created_at", "id"]);
    const redundant = indexes.flatMap((a) =>
      indexes
        .filter((b) => !a.unique && a.table === b.table && a.index !== b.index && a.columns.every((column, n) => b.columns[n] === column))
        .map((b) => `${a.table}: ${a.index} (${a.columns.join(", ")}) is a prefix of ${b.index} (${b.columns.join(", ")})`),
    );
    expect(redundant).toEqual([]);
  });
});
