// One gate, two paths: the credentials fast path (before Next.js and Auth.js) and authorize() inside Auth.js must
// give the same answer, the same audit row and count the submission alike, for every combination of limits; and the
// fast path must keep understanding the CSRF cookie Auth.js really sets.
import { createHash } from "node:crypto";
import { Auth } from "@auth/core";
import Credentials from "@auth/core/providers/credentials";
import type { Kysely } from "kysely";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { authConfig } from "@/auth.config";
import type { Database } from "@/lib/db/schema";
import { DEMO_ACCOUNTS, seedDemoData } from "@/lib/db/seed";
import { hashIdentifier } from "@/lib/server/audit/hash-identifier";
import type { CounterStore } from "@/lib/server/counters/counter-store";
import { accountPauseKey } from "@/lib/server/lockout/pause-key";
import { IP_POST_WINDOW_MS, IP_THROTTLE_MS, keys } from "@/lib/server/lockout/throttle-policy";
import { storeKinds, useStore } from "@/test/counter-store-kinds";
import { outcomeOf } from "@/test/outcome";
import { authorizeCredentials } from "./authorize-credentials";
import { answerCredentialsPost } from "./credentials-fast-path";

const POSTS_PER_MINUTE = 3;
const current = vi.hoisted(() => {
  process.env.IP_AUTH_POST_PER_MINUTE = "3";
  process.env.IP_FAILED_SIGNIN_LIMIT = "100";
  return { db: undefined as unknown, store: undefined as unknown };
});
vi.mock("@/lib/db", async (original) => ({ ...(await original<object>()), getDb: async () => current.db }));
vi.mock("@/lib/server/counters", async (original) => ({ ...(await original<object>()), getCounterStore: async () => current.store }));
vi.mock("next/headers", () => ({ cookies: async () => ({ get: () => undefined, set: () => {} }), headers: async () => new Headers() }));

const DEMO = DEMO_ACCOUNTS[0];
const secret = process.env.AUTH_SECRET!;
const config = { APP_URL: "http://localhost:3000", AUTH_SECRET: secret, IP_AUTH_POST_PER_MINUTE: POSTS_PER_MINUTE, IP_FAILED_SIGNIN_LIMIT: 100 };

/** A direct POST as the fast path reads it: the headers (the CSRF cookie, the address our edge recorded) and the form body. */
function directPost(identifier: string, csrf: { cookie: string; token: string }, ip: string) {
  const headers = { "content-type": "application/x-www-form-urlencoded", cookie: csrf.cookie, "x-qn-client-ip": ip, "user-agent": "vitest" };
  return { headers, body: Buffer.from(new URLSearchParams({ identifier, password: "wrong-password", csrfToken: csrf.token }).toString()) };
}

/** Auth.js's double-submit pair, built the way Auth.js builds it. */
function handMadeCsrf(): { cookie: string; token: string } {
  const token = "csrf-token-value";
  const hash = createHash("sha256").update(`${token}${secret}`).digest("hex");
  return { cookie: `authjs.csrf-token=${encodeURIComponent(`${token}|${hash}`)}`, token };
}

type Case = { name: string; identifier: string; paused?: "account" | "identifier"; throttled?: boolean; rateLimited?: boolean; expected: string };

const CASES: Case[] = [
  { name: "nothing applies", identifier: DEMO.email, expected: "pass" },
  { name: "a paused account", identifier: DEMO.email, paused: "account", expected: "sign_in_paused" },
  { name: "a paused account reached by its mobile", identifier: "138 0013 8000", paused: "account", expected: "sign_in_paused" },
  { name: "a paused identifier without an account", identifier: "phantom@qianneng.test", paused: "identifier", expected: "sign_in_paused" },
  { name: "a throttled network", identifier: DEMO.email, throttled: true, expected: "ip_throttled" },
  { name: "a throttled network and a paused account", identifier: DEMO.email, paused: "account", throttled: true, expected: "ip_throttled" },
  { name: "too many submissions and a paused account", identifier: DEMO.email, paused: "account", rateLimited: true, expected: "rate_limited" },
  { name: "too many submissions and a throttled network", identifier: DEMO.email, throttled: true, rateLimited: true, expected: "rate_limited" },
  { name: "everything at once", identifier: "phantom@qianneng.test", paused: "identifier", throttled: true, rateLimited: true, expected: "rate_limited" },
];

describe.each(storeKinds())("the sign-in gate with $name", (kind) => {
  const t = useStore(kind);
  let db: Kysely<Database>;
  let store: CounterStore;
  let n = 0;

  beforeAll(async () => {
    [db, store] = [t.db, t.store];
    [current.db, current.store] = [db, store];
    await seedDemoData(db);
  });
  beforeEach(async () => {
    await store.clearFailures([accountPauseKey(DEMO.id), hashIdentifier("phantom@qianneng.test")]);
    await db.deleteFrom("security_events").execute();
  });

  async function arrange(c: Case, ip: string, now: number) {
    await store.clearFailures([accountPauseKey(DEMO.id), hashIdentifier("phantom@qianneng.test")]);
    const pauseKey = c.paused === "account" ? accountPauseKey(DEMO.id) : hashIdentifier("phantom@qianneng.test");
    if (c.paused) for (let i = 0; i < 5; i++) await store.reserveFailure(pauseKey, now);
    if (c.throttled) await store.hold(keys.ipThrottle(ip), now + IP_THROTTLE_MS, now);
    if (c.rateLimited) for (let i = 0; i < POSTS_PER_MINUTE; i++) await store.hit(keys.ipPosts(ip), IP_POST_WINDOW_MS, now);
  }

  async function observe(ip: string) {
    const events = await db.selectFrom("security_events").select(["type", "user_id", "identifier_hash", "ip"]).orderBy("id").execute();
    await db.deleteFrom("security_events").execute();
    return { events, posts: (await store.peek(keys.ipPosts(ip), Date.now())).count };
  }

  it.each(CASES)("$name: both paths answer $expected, with the same audit row and submission count", async (c) => {
    const [earlyIp, authIp] = [`192.0.2.${++n}`, `192.0.2.${++n}`];
    await arrange(c, earlyIp, Date.now());
    const { headers, body } = directPost(c.identifier, handMadeCsrf(), earlyIp);
    const location = (await answerCredentialsPost(db, config, headers, body))?.location;
    const early = await observe(earlyIp);

    await arrange(c, authIp, Date.now());
    const request = new Request("http://localhost/api/auth/callback/credentials", { headers: { "x-qn-client-ip": authIp, "user-agent": "vitest" } });
    const result = await outcomeOf(authorizeCredentials({ identifier: c.identifier, password: "wrong-password" }, request));
    const late = await observe(authIp);

    // Nothing applies: the wrong password is checked, and refused like any wrong password.
    const expected = c.expected === "pass" ? "invalid_credentials" : c.expected;
    expect(location).toBe(`http://localhost:3000/sign-in?error=CredentialsSignin&code=${expected}`);
    expect(result).toMatchObject({ refused: expected });
    const strip = (e: { ip: string | null }) => ({ ...e, ip: undefined });
    expect(early.events.map(strip)).toEqual(late.events.map(strip));
    expect(early.events).toHaveLength(1);
    expect(early.posts).toBe(late.posts);
  });

  it("understands the CSRF cookie Auth.js itself sets (a format change would silently send every sign-in the slow way)", async () => {
    const response = await Auth(new Request("http://localhost:3000/api/auth/csrf"), {
      ...authConfig,
      secret,
      basePath: "/api/auth",
      providers: [Credentials({ credentials: { identifier: {}, password: {} }, authorize: () => null })],
    });
    const { csrfToken } = (await response.json()) as { csrfToken: string };
    const setCookie = response.headers.getSetCookie().find((c) => c.includes("csrf-token"));
    expect(setCookie).toBeDefined();
    const cookie = setCookie!.split(";")[0];
    await arrange(CASES[1], "192.0.2.250", Date.now());
    const { headers, body } = directPost(DEMO.email, { cookie, token: csrfToken }, "192.0.2.250");
    expect((await answerCredentialsPost(db, config, headers, body))?.location).toContain("code=sign_in_paused");
    // A forged token, or none, is left to Auth.js (which rejects it).
    expect(await answerCredentialsPost(db, config, headers, directPost(DEMO.email, { cookie, token: "forged" }, "192.0.2.250").body)).toBeNull();
  });
});
