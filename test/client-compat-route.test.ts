// GET /api/client-compat as an app calls it, against a real database with the seeded rules.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { DEFAULT_VERSION_RULES, seedDemoData } from "@/lib/db/seed";
import { testDatabases, useDatabase } from "@/test/databases";

const state = vi.hoisted(() => ({ db: undefined as unknown }));
vi.mock("@/lib/db", () => ({ getDb: async () => state.db }));

const { GET } = await import("@/app/api/client-compat/route");
const IOS = DEFAULT_VERSION_RULES[0];

async function ask(query: string, acceptLanguage?: string) {
  const response = await GET(new Request(`http://localhost/api/client-compat?${query}`, { headers: acceptLanguage ? { "accept-language": acceptLanguage } : {} }));
  return { status: response.status, cache: response.headers.get("cache-control"), vary: response.headers.get("vary"), body: await response.json() };
}

describe("GET /api/client-compat", () => {
  const database = useDatabase(testDatabases()[0]);
  beforeEach(async () => {
    state.db = database.db;
    await database.db.deleteFrom("client_version_rules").execute();
    await seedDemoData(database.db);
  });

  it("answers required below the minimum, recommended between, ok at the latest; the rule's message in the asked language, cacheable a minute", async () => {
    const rule = { minimum: IOS.minimum, latest: IOS.latest, updateUrl: IOS.update_url };
    expect(await ask("platform=ios&version=5.1.0", "en-GB,en;q=0.9")).toEqual({
      status: 200,
      cache: "public, max-age=60",
      vary: "Accept-Language",
      body: { status: "update_required", ...rule, message: "Please update Qianneng Wallet to the latest version, then sign in." },
    });
    expect((await ask("platform=ios&version=5.5.0")).body).toEqual({ status: "update_recommended", ...rule, message: "请更新到最新版本钱能钱包后再登录。" });
    expect((await ask(`platform=ios&version=${IOS.latest}`, "en")).body).toEqual({ status: "ok", ...rule, message: "This version of Qianneng Wallet is up to date." });
    expect((await ask(`platform=ios&version=${IOS.latest}`, "zh-TW,en;q=0.5")).body.message).toBe("当前钱能钱包已是最新版本。");
  });

  it("a platform without a rule is ok with nothing to update to", async () => {
    await database.db.deleteFrom("client_version_rules").where("platform", "=", "harmony").execute();
    expect((await ask("platform=harmony&version=0.0.1", "en")).body).toEqual({ status: "ok", minimum: null, latest: null, updateUrl: null, message: "This version of Qianneng Wallet is up to date." });
  });

  it("a bad query is a 400 that is never cached, with a sentence for each bad field in the asked language", async () => {
    const garbage = await ask("platform=windows&version=abc", "en");
    expect(garbage).toMatchObject({ status: 400, cache: "no-store" });
    expect(garbage.body).toEqual({
      error: "invalid_query",
      message: expect.stringContaining("needs a platform"),
      fields: { platform: expect.stringContaining("Unknown platform"), version: expect.stringContaining("three numbers") },
    });
    expect((await ask("")).body.fields).toEqual({ platform: "请提供平台：ios、android 或 harmony。", version: "请提供 App 版本号，例如 5.8.1。" });
    expect((await ask("platform=ios&version=5.8.1&x=1", "en")).body.fields).toEqual({ query: "Send only platform and version, each once." });
  });

  it("a database that does not answer is a 503, not a stack trace", async () => {
    state.db = { selectFrom: () => { throw new Error("connection refused"); } };
    vi.spyOn(console, "error").mockImplementation(() => {});
    expect(await ask("platform=ios&version=5.8.1")).toMatchObject({ status: 503, cache: "no-store", body: { error: "unavailable" } });
  });
});
