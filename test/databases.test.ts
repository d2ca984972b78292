import { afterEach, describe, expect, it, vi } from "vitest";
import { testDatabases } from "./databases";

describe("testDatabases", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it("is SQLite alone without TEST_DATABASE_URL outside CI", () => {
    vi.stubEnv("CI", "");
    vi.stubEnv("TEST_DATABASE_URL", "");
    expect(testDatabases().map((d) => d.name)).toEqual(["sqlite"]);
  });

  it("refuses to skip PostgreSQL on CI", () => {
    vi.stubEnv("CI", "true");
    vi.stubEnv("TEST_DATABASE_URL", "");
    expect(() => testDatabases()).toThrow(/TEST_DATABASE_URL/);
  });

  it("adds PostgreSQL when TEST_DATABASE_URL is set, also on CI", () => {
    vi.stubEnv("CI", "true");
    vi.stubEnv("TEST_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/test");
    expect(testDatabases().map((d) => d.name)).toEqual(["sqlite", "postgres"]);
  });

  it("rejects a TEST_DATABASE_URL that is not PostgreSQL", () => {
    vi.stubEnv("TEST_DATABASE_URL", "mysql://x");
    expect(() => testDatabases()).toThrow(/postgres/);
  });

  it("gives a fresh, migrated SQLite database each time and removes it", async () => {
    const [sqlite] = testDatabases();
    const a = await sqlite.open();
    const b = await sqlite.open();
    try {
      expect(a.url).not.toBe(b.url);
      await a.db.insertInto("security_events").values({ type: "signed_out", user_id: null, identifier_hash: null, ip: null, user_agent: null, detail: null, created_at: 1 }).execute();
      expect(await b.db.selectFrom("security_events").selectAll().execute()).toEqual([]);
    } finally {
      await a.cleanup();
      await b.cleanup();
    }
    const fs = await import("node:fs");
    expect(fs.existsSync(a.url.replace(/^file:/, ""))).toBe(false);
  });
});
