// The pause and throttle rules (docs/rules.md) as the Credentials provider applies them, on the process database.
import type { Kysely } from "kysely";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db";
import type { Database } from "@/lib/db/schema";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemoData } from "@/lib/db/seed";
import { renderOutboxMessage } from "@/lib/outbox/render-outbox-message";
import { verifyPassword } from "@/lib/password/argon2";
import { FIRST_PAUSE_MS } from "@/lib/server/lockout/pause-policy";
import { authorizeCredentials } from "./authorize-credentials";
import { Refusal } from "@/lib/server/refusal";

vi.hoisted(() => {
  process.env.IP_FAILED_SIGNIN_LIMIT = "12";
  process.env.IP_AUTH_POST_PER_MINUTE = "1000";
});
vi.mock("next/headers", () => ({ cookies: async () => ({ get: () => undefined, set: () => {} }), headers: async () => new Headers() }));
vi.mock("@/lib/password/argon2", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/password/argon2")>();
  return { ...original, verifyPassword: vi.fn(original.verifyPassword) };
});

const DEMO = DEMO_ACCOUNTS[0];
let db: Kysely<Database>;
let ipCounter = 0;
const request = (ip = `198.51.100.${++ipCounter}`) =>
  new Request("http://localhost/api/auth/callback/credentials", { headers: { "x-qn-client-ip": ip, "user-agent": "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/124.0 Safari/537.36" } });

async function attempt(identifier: string, password: string, req = request()) {
  return authorizeCredentials({ identifier, password }, req).then(
    () => "signed-in" as const,
    (e: unknown) => {
      if (!(e instanceof Refusal)) throw e;
      return { code: e.code, until: e.until };
    },
  );
}

beforeAll(async () => {
  db = await getDb();
  await seedDemoData(db);
});
afterAll(async () => db?.destroy());
beforeEach(async () => {
  for (const table of ["security_events", "sign_in_failures", "rate_counters", "outbox", "unlock_tokens"] as const) await db.deleteFrom(table).execute();
  vi.mocked(verifyPassword).mockClear();
});

const outbox = () => db.selectFrom("outbox").selectAll().orderBy("created_at").execute();

describe("sign-in pauses", () => {
  it("four failures only refuse; the fifth pauses for 15 minutes; the sixth is refused without a hash", async () => {
    for (let i = 0; i < 4; i++) expect(await attempt(DEMO.email, "wrong")).toEqual({ code: "invalid_credentials", until: undefined });
    const before = Date.now();
    const fifth = await attempt(DEMO.email, "wrong");
    expect(fifth).toMatchObject({ code: "sign_in_paused" });
    expect((fifth as { until: number }).until).toBeGreaterThanOrEqual(before + FIRST_PAUSE_MS);
    expect((fifth as { until: number }).until).toBeLessThan(Date.now() + FIRST_PAUSE_MS + 1000);

    vi.mocked(verifyPassword).mockClear();
    const sixth = await attempt(DEMO.email, DEMO_PASSWORD);
    expect(sixth).toEqual(fifth); // even the right password, and the pause is not lengthened
    expect(verifyPassword).not.toHaveBeenCalled();
    const row = await db.selectFrom("sign_in_failures").selectAll().executeTakeFirstOrThrow();
    expect(row.failures).toBe(5);
  });

  it("the email and the mobile of one account share one count: 3 wrong by email and 2 by mobile pause both", async () => {
    for (let i = 0; i < 3; i++) expect(await attempt(DEMO.email, "wrong")).toMatchObject({ code: "invalid_credentials" });
    expect(await attempt("138 0013 8000", "wrong")).toMatchObject({ code: "invalid_credentials" });
    expect(await attempt("138 0013 8000", "wrong")).toMatchObject({ code: "sign_in_paused" });
    vi.mocked(verifyPassword).mockClear();
    expect(await attempt(DEMO.email, DEMO_PASSWORD)).toMatchObject({ code: "sign_in_paused" });
    expect(verifyPassword).not.toHaveBeenCalled();
    // Identifiers without an account keep their own counts.
    for (let i = 0; i < 4; i++) expect(await attempt("nobody-a@qianneng.test", "wrong")).toMatchObject({ code: "invalid_credentials" });
    expect(await attempt("nobody-b@qianneng.test", "wrong")).toMatchObject({ code: "invalid_credentials" });
  });

  it("the same identifier typed differently shares one counter (normalized)", async () => {
    for (const typed of ["13800138000", "138 0013 8000", "+86 138-0013-8000", "0086 13800138000"]) await attempt(typed, "wrong");
    expect(await attempt("１３８００１３８０００", "wrong")).toMatchObject({ code: "sign_in_paused" });
  });

  it("a phantom identifier pauses exactly like a real one, and nobody is notified", async () => {
    const real: unknown[] = [];
    const phantom: unknown[] = [];
    for (let i = 0; i < 6; i++) {
      real.push(await attempt("demo@qianneng.test", "wrong").then((r) => (typeof r === "object" ? r.code : r)));
      phantom.push(await attempt("nobody@qianneng.test", "wrong").then((r) => (typeof r === "object" ? r.code : r)));
    }
    expect(phantom).toEqual(real);
    const messages = await outbox();
    expect(messages.every((m) => m.user_id === DEMO.id)).toBe(true);
    expect(messages.map((m) => m.channel).sort()).toEqual(["email", "sms"]);
  });

  it("the owner's notice is queued once, in their language, with an unlock link and device", async () => {
    for (let i = 0; i < 5; i++) await attempt(DEMO.email, "wrong");
    for (let i = 0; i < 3; i++) await attempt(DEMO.email, "wrong");
    const messages = await outbox();
    expect(messages).toHaveLength(2);
    const email = messages.find((m) => m.channel === "email")!;
    expect(email.recipient).toBe("demo@qianneng.test");
    expect(email.kind).toBe("lockout_notice");
    const text = renderOutboxMessage(email).text;
    const link = /\/unlock\?token=([A-Za-z0-9_-]{43})/.exec(text);
    expect(link).not.toBeNull();
    expect(text).toContain("Chrome 124");
    expect(text).toContain("198.51.100.*");
    const sms = messages.find((m) => m.channel === "sms")!;
    expect(sms.recipient).toBe("+8613800138000");
    expect(renderOutboxMessage(sms).text).toContain(link![0]);
    // The stored rows hold neither the link nor its token, only a slot and the sealed secrets.
    expect(JSON.stringify(messages)).not.toContain(link![1]);
    expect(JSON.stringify(messages)).not.toContain("/unlock?token=");
    const tokens = await db.selectFrom("unlock_tokens").selectAll().execute();
    expect(tokens).toHaveLength(1);
    expect(text).not.toContain(tokens[0].token_hash);
    const events = await db.selectFrom("security_events").select(["type", "repeat_count"]).execute();
    expect(events.filter((e) => e.type === "sign_in_paused")).toHaveLength(1);
    // The three refusals of the same minute are one row with their count (PRODUCT §14).
    expect(events.filter((e) => e.type === "sign_in_refused_paused")).toEqual([{ type: "sign_in_refused_paused", repeat_count: 3 }]);
  });

  it("a successful sign-in clears the count", async () => {
    for (let i = 0; i < 4; i++) await attempt(DEMO.email, "wrong");
    expect(await attempt("138 0013 8000", DEMO_PASSWORD)).toBe("signed-in");
    for (let i = 0; i < 4; i++) expect(await attempt(DEMO.email, "wrong")).toMatchObject({ code: "invalid_credentials" });
  });
});

describe("network throttle", () => {
  it("IP_FAILED_SIGNIN_LIMIT failures from one IP throttle it for an hour: the next attempt, for any identifier, is refused unchecked", async () => {
    const ip = "203.0.113.77";
    for (let i = 0; i < 12; i++) expect(await attempt(`user${i}@qianneng.test`, "wrong", request(ip))).toMatchObject({ code: "invalid_credentials" });
    const before = Date.now();
    vi.mocked(verifyPassword).mockClear();
    const throttled = await attempt(DEMO.email, DEMO_PASSWORD, request(ip));
    expect(throttled).toMatchObject({ code: "ip_throttled" });
    expect((throttled as { until: number }).until).toBeGreaterThanOrEqual(before + 3_600_000);
    expect(verifyPassword).not.toHaveBeenCalled();
    expect(await attempt(DEMO.email, DEMO_PASSWORD, request("203.0.113.78"))).toBe("signed-in");
    const types = (await db.selectFrom("security_events").select("type").execute()).map((e) => e.type);
    expect(types.filter((t) => t === "ip_throttled")).toHaveLength(1);
  });
});
