// The credentials fast path answers a password sign-in as Auth.js would: the same redirects, a session cookie that
// Auth.js itself reads back, the same rows. Runs against the process database (the setup file's fresh SQLite file).
import { createHash } from "node:crypto";
import { Auth } from "@auth/core";
import Credentials from "@auth/core/providers/credentials";
import type { Kysely } from "kysely";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { authConfig } from "@/auth.config";
import type { Database } from "@/lib/db/schema";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/lib/db/seed";
import { DEVICE_COOKIE } from "@/lib/server/devices/device-cookie";
import { findLiveSession } from "@/lib/server/sessions/find-live-session";
import { STATUS_TICKET_COOKIE } from "@/lib/server/status/status-ticket";
import { answerCredentialsPost, answerCsrfRequest } from "./credentials-fast-path";
import { withSignInDatabase } from "@/test/sign-in-database";

// Nothing on this path may reach for Next's request scope: it runs before Next.js sees the request.
vi.mock("next/headers", () => ({
  cookies: async () => {
    throw new Error("next/headers used outside Next.js");
  },
  headers: async () => {
    throw new Error("next/headers used outside Next.js");
  },
}));

const DEMO = DEMO_ACCOUNTS[0];
const FROZEN = DEMO_ACCOUNTS.find((a) => a.email === "frozen@qianneng.test")!;
const secret = process.env.AUTH_SECRET!;
const config = { APP_URL: "http://localhost:3000", AUTH_SECRET: secret };
const SESSION = "authjs.session-token";

function csrfCookie(token = "csrf-token-value"): string {
  const hash = createHash("sha256").update(`${token}${secret}`).digest("hex");
  return `authjs.csrf-token=${encodeURIComponent(`${token}|${hash}`)}`;
}

function post(form: Record<string, string>, { cookie = csrfCookie(), contentType = "application/x-www-form-urlencoded" } = {}): ReturnType<typeof answerCredentialsPost> {
  const headers = { "content-type": contentType, cookie, "x-qn-client-ip": "203.0.113.7", "user-agent": "vitest" };
  const body = Buffer.from(new URLSearchParams({ csrfToken: "csrf-token-value", ...form }).toString());
  return answerCredentialsPost(db, config, headers, body);
}

/** name → the whole Set-Cookie value. */
const byName = (setCookies: string[]) => new Map(setCookies.map((c) => [c.slice(0, c.indexOf("=")), c]));
const valueOf = (setCookie: string) => decodeURIComponent(setCookie.slice(setCookie.indexOf("=") + 1).split(";")[0]);

const signInDatabase = withSignInDatabase();
let db: Kysely<Database>;

beforeAll(() => {
  db = signInDatabase();
});

describe("the credentials fast path", () => {
  it("signs in with the right password: a redirect to callbackUrl and a session cookie Auth.js reads back", async () => {
    const answer = await post({ identifier: DEMO.email, password: DEMO_PASSWORD, callbackUrl: "/account/security" });
    expect(answer?.location).toBe("http://localhost:3000/account/security");
    const cookies = byName(answer!.setCookies);
    const session = cookies.get(SESSION)!;
    expect(session).toMatch(/; Path=\/; Expires=[^;]+; HttpOnly; SameSite=Lax$/);
    expect(cookies.get(DEVICE_COOKIE)).toMatch(/HttpOnly/);
    expect(valueOf(cookies.get("authjs.callback-url")!)).toBe("http://localhost:3000/account/security");

    // Without "keep me signed in" the token says so; the HTTP edge then drops the cookie's expiry.
    const token = valueOf(session);
    expect(token.startsWith("b.")).toBe(true);
    const claims = await authConfig.jwt.decode({ token, secret, salt: SESSION });
    expect(claims).toMatchObject({ sub: DEMO.id, purpose: "full", persistent: false });
    expect((await findLiveSession(db, claims!.sid!))?.user_id).toBe(DEMO.id);
    const succeeded = await db.selectFrom("security_events").select(["type", "user_id", "ip"]).where("type", "=", "sign_in_succeeded").execute();
    expect(succeeded).toEqual([{ type: "sign_in_succeeded", user_id: DEMO.id, ip: "203.0.113.7" }]);

    // Auth.js's own session endpoint, with the same configuration, reads the cookie the fast path wrote.
    const response = await Auth(new Request("http://localhost:3000/api/auth/session", { headers: { cookie: `${SESSION}=${encodeURIComponent(token)}` } }), {
      ...authConfig,
      secret,
      basePath: "/api/auth",
      providers: [Credentials({ credentials: {}, authorize: () => null })],
    });
    expect(((await response.json()) as { user?: { id?: string } }).user?.id).toBe(DEMO.id);
  });

  it("keeps the session past the browser's when asked to, and sends a foreign callbackUrl home", async () => {
    const answer = await post({ identifier: DEMO.email, password: DEMO_PASSWORD, remember: "on", callbackUrl: "https://evil.example/steal" });
    expect(answer?.location).toBe("http://localhost:3000");
    expect(valueOf(byName(answer!.setCookies).get(SESSION)!).startsWith("p.")).toBe(true);
  });

  it("refuses a wrong password with Auth.js's redirect, no cookie and the audit row", async () => {
    const answer = await post({ identifier: DEMO.email, password: "wrong-password", callbackUrl: "/account" });
    expect(answer).toEqual({ location: "http://localhost:3000/sign-in?error=CredentialsSignin&code=invalid_credentials", setCookies: [] });
    expect(await db.selectFrom("security_events").select("type").execute()).toEqual([{ type: "sign_in_failed" }]);
  });

  it("shows a frozen account why (the status ticket) but gives it no session", async () => {
    const answer = await post({ identifier: FROZEN.email, password: DEMO_PASSWORD });
    expect(answer?.location).toBe("http://localhost:3000/sign-in?error=CredentialsSignin&code=account_frozen");
    const cookies = byName(answer!.setCookies);
    expect(cookies.has(STATUS_TICKET_COOKIE)).toBe(true);
    expect(cookies.has(SESSION)).toBe(false);
  });

  it("leaves to Auth.js what it would not answer alike, before touching anything", async () => {
    const right = { identifier: DEMO.email, password: DEMO_PASSWORD };
    expect(await post(right, { cookie: "" })).toBeNull();
    expect(await post(right, { cookie: csrfCookie("another-token") })).toBeNull();
    expect(await post(right, { contentType: "application/json" })).toBeNull();
    expect(await post({ ...right, callbackUrl: "http://" })).toBeNull();
    // Not writable into a Location header as they are (a tab, a newline, non-ASCII).
    expect(await post({ ...right, callbackUrl: "/account\nSet-Cookie: x=1" })).toBeNull();
    expect(await post({ ...right, callbackUrl: "/账户" })).toBeNull();
    // A field sent twice: which one counts is a parser's choice.
    const twice = Buffer.from(`${new URLSearchParams({ ...right, csrfToken: "csrf-token-value" })}&identifier=other%40qianneng.test`);
    const headers = { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie() };
    expect(await answerCredentialsPost(db, config, headers, twice)).toBeNull();
    // next-auth/react wants the redirect as JSON.
    const body = Buffer.from(new URLSearchParams({ ...right, csrfToken: "csrf-token-value" }).toString());
    expect(await answerCredentialsPost(db, config, { ...headers, "x-auth-return-redirect": "1" }, body)).toBeNull();
    expect(await db.selectFrom("security_events").select("type").execute()).toEqual([]);
  });
});

describe("GET /api/auth/csrf on the fast path", () => {
  const authJs = (cookie = "") =>
    Auth(new Request("http://localhost:3000/api/auth/csrf", { headers: { cookie } }), {
      ...authConfig,
      secret,
      basePath: "/api/auth",
      providers: [Credentials({ credentials: {}, authorize: () => null })],
    });

  it("gives a new pair that Auth.js accepts, and keeps a valid one", async () => {
    const fresh = answerCsrfRequest(config, {}, new URLSearchParams())!;
    const { csrfToken } = JSON.parse(fresh.body) as { csrfToken: string };
    expect(csrfToken).toMatch(/^[0-9a-f]{64}$/);
    expect(fresh.headers["Cache-Control"]).toBe("private, no-cache, no-store");
    const cookies = byName(fresh.setCookies);
    expect(cookies.get("authjs.csrf-token")).toMatch(/; Path=\/; HttpOnly; SameSite=Lax$/);
    expect(valueOf(cookies.get("authjs.callback-url")!)).toBe("http://localhost:3000");

    // Auth.js, shown the cookie, answers the same token and sets none: it reads the pair as its own.
    const cookie = fresh.setCookies.map((c) => c.split(";")[0]).join("; ");
    const response = await authJs(cookie);
    expect(((await response.json()) as { csrfToken: string }).csrfToken).toBe(csrfToken);
    expect(response.headers.getSetCookie().some((c) => c.startsWith("authjs.csrf-token="))).toBe(false);
    const again = answerCsrfRequest(config, { cookie }, new URLSearchParams())!;
    expect(JSON.parse(again.body)).toEqual({ csrfToken });
    expect(again.setCookies).toEqual([]);

    // And the fast path's POST accepts the pair.
    const signedIn = await post({ identifier: DEMO.email, password: DEMO_PASSWORD, csrfToken }, { cookie });
    expect(signedIn?.location).toBe("http://localhost:3000");
  });

  it("reads a pair Auth.js made, and replaces a forged one", async () => {
    const made = await authJs();
    const { csrfToken } = (await made.json()) as { csrfToken: string };
    const cookie = made.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
    expect(JSON.parse(answerCsrfRequest(config, { cookie }, new URLSearchParams())!.body)).toEqual({ csrfToken });

    const forged = answerCsrfRequest(config, { cookie: `authjs.csrf-token=${encodeURIComponent("abc|def")}` }, new URLSearchParams())!;
    expect(JSON.parse(forged.body).csrfToken).not.toBe("abc");
    expect(byName(forged.setCookies).has("authjs.csrf-token")).toBe(true);
    expect(answerCsrfRequest(config, {}, new URLSearchParams({ callbackUrl: "http://" }))).toBeNull();
  });
});
