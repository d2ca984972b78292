import { expect, test } from "@playwright/test";
import { e2eDb } from "./support/accounts";

// iOS and HarmonyOS: the console spec edits Android's rule while this one runs.
async function ruleOf(platform: "ios" | "harmony") {
  return (await e2eDb()).selectFrom("client_version_rules").select(["minimum", "latest", "update_url", "message_zh", "message_en"]).where("platform", "=", platform).executeTakeFirstOrThrow();
}

test("[agent] an app below the minimum must update, one between minimum and latest is advised to, the latest is fine; in the app's language, cacheable a minute", async ({ request }) => {
  const rule = await ruleOf("ios");
  expect(rule.minimum).not.toBe(rule.latest);
  const same = { minimum: rule.minimum, latest: rule.latest, updateUrl: rule.update_url };
  const ask = (version: string, language: string) => request.get(`/api/client-compat?platform=ios&version=${encodeURIComponent(version)}`, { headers: { "Accept-Language": language } });

  const below = await ask("0.0.1", "en-US,en;q=0.9");
  expect(below.status()).toBe(200);
  expect(below.headers()["cache-control"]).toBe("public, max-age=60");
  expect(below.headers()["vary"]).toContain("Accept-Language");
  expect(await below.json()).toEqual({ status: "update_required", ...same, message: rule.message_en });

  expect(await (await ask(rule.minimum, "zh-CN,zh;q=0.9")).json()).toEqual({ status: "update_recommended", ...same, message: rule.message_zh });
  expect(await (await ask(`${rule.latest}-beta.1`, "en")).json()).toEqual({ status: "update_recommended", ...same, message: rule.message_en });
  expect(await (await ask(rule.latest, "en")).json()).toEqual({ status: "ok", ...same, message: "This version of Qianneng Wallet is up to date." });
  expect(await (await ask(`${rule.latest}+9001`, "zh-CN")).json()).toEqual({ status: "ok", ...same, message: "当前钱能钱包已是最新版本。" });

  const harmony = await ruleOf("harmony");
  const answer = await (await request.get(`/api/client-compat?platform=harmony&version=${harmony.latest}`)).json();
  expect(answer).toMatchObject({ status: "ok", latest: harmony.latest, updateUrl: harmony.update_url, message: "当前钱能钱包已是最新版本。" });
});

test("[agent] a bad query is a 400 that names each bad field in the asked language and is never cached", async ({ request }) => {
  const garbage = await request.get("/api/client-compat?platform=windows&version=abc", { headers: { "Accept-Language": "en" } });
  expect(garbage.status()).toBe(400);
  expect(garbage.headers()["cache-control"]).toBe("no-store");
  expect(await garbage.json()).toEqual({
    error: "invalid_query",
    message: "The version check needs a platform (ios, android or harmony) and an app version such as 5.8.1, and nothing else.",
    fields: {
      platform: "Unknown platform: use ios, android or harmony (lower case).",
      version: expect.stringMatching(/^The version must be three numbers separated by dots, such as 5\.8\.1/),
    },
  });

  const missing = await request.get("/api/client-compat", { headers: { "Accept-Language": "zh-CN" } });
  expect(missing.status()).toBe(400);
  expect((await missing.json()).fields).toEqual({ platform: "请提供平台：ios、android 或 harmony。", version: "请提供 App 版本号，例如 5.8.1。" });

  for (const query of ["platform=ios&version=v5.8.1", "platform=ios&version=5.8", "platform=ios&version=%3E%3D5.0.0", `platform=ios&version=5.8.1-${"x".repeat(100)}`, "platform=ios&version=5.8.1&platform=android", "platform=ios&version=5.8.1&utm=x"]) {
    const response = await request.get(`/api/client-compat?${query}`, { headers: { "Accept-Language": "en" } });
    expect(response.status(), query).toBe(400);
    expect((await response.json()).error, query).toBe("invalid_query");
  }
});
