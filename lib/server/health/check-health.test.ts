import type { Kysely } from "kysely";
import { afterAll, describe, expect, it } from "vitest";
import { createDb } from "@/lib/db/create-db";
import { testDatabases, useDatabase } from "@/test/databases";
import { checkHealth } from "./check-health";

describe.each(testDatabases())("checkHealth with a working $name database", (kind) => {
  const t = useDatabase(kind);
  it("is ok", async () => {
    expect(await checkHealth(async () => t.db)).toEqual({ status: "ok", database: "ok" });
  });
});

describe("checkHealth when the database is down", () => {
  const opened: Promise<Kysely<unknown>>[] = [];
  afterAll(async () => {
    for (const db of opened) await (await db).destroy();
  });

  it("reports degraded, without throwing, when opening the database fails", async () => {
    await expect(checkHealth(() => Promise.reject(new Error("SQLITE_CANTOPEN")))).resolves.toEqual({
      status: "degraded",
      database: "unreachable",
    });
  });

  it("reports degraded when openDb throws synchronously", async () => {
    const health = await checkHealth(() => {
      throw new Error("boom");
    });
    expect(health).toEqual({ status: "degraded", database: "unreachable" });
  });

  it("reports degraded for a PostgreSQL server that does not answer", async () => {
    const started = Date.now();
    const health = await checkHealth(() => {
      const db = createDb("postgres://127.0.0.1:1/nothing");
      opened.push(db as Promise<Kysely<unknown>>);
      return db;
    });
    expect(health).toEqual({ status: "degraded", database: "unreachable" });
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it("gives up after its deadline when the database hangs", async () => {
    const started = Date.now();
    const health = await checkHealth(() => new Promise<never>(() => {}));
    expect(health).toEqual({ status: "degraded", database: "unreachable" });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1900);
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
