import { createHash } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { hashIdentifier } from "@/lib/server/audit/hash-identifier";
import { createSqlCounterStore } from "@/lib/server/counters/sql-counter-store";
import { testDatabases, useDatabase } from "@/test/databases";
import { refuseEarly } from "./refuse-early";

const config = { APP_URL: "http://localhost:3000", AUTH_SECRET: process.env.AUTH_SECRET!, IP_AUTH_POST_PER_MINUTE: 1000 };
const token = "csrf-token-value";
const cookie = `authjs.csrf-token=${encodeURIComponent(`${token}|${createHash("sha256").update(`${token}${config.AUTH_SECRET}`).digest("hex")}`)}`;
const request = (withCookie = true) =>
  ({ headers: { "content-type": "application/x-www-form-urlencoded", ...(withCookie ? { cookie } : {}) } }) as unknown as IncomingMessage;
const body = (identifier: string, csrf = token) => Buffer.from(new URLSearchParams({ identifier, password: "x", csrfToken: csrf }).toString());
const context = { ip: "198.51.100.20", userAgent: "vitest" };

describe.each(testDatabases())("refuseEarly on $name", (kind) => {
  const t = useDatabase(kind);

  it("answers a paused identifier like Auth.js would, audits it, and leaves everything else to Auth.js", async () => {
    const store = createSqlCounterStore(t.db);
    const paused = `paused-${Date.now()}@qianneng.test`;
    for (let i = 0; i < 5; i++) await store.recordFailure(hashIdentifier(paused), Date.now());
    const deps = { db: t.db, store, config };

    expect(await refuseEarly(request(), body(paused), context, deps)).toBe("http://localhost:3000/sign-in?error=CredentialsSignin&code=sign_in_paused");
    expect(await refuseEarly(request(), body(" PAUSED-" + paused.slice(7)), context, deps)).toContain("code=sign_in_paused");
    // Not paused, no valid CSRF pair, or unreadable: Auth.js decides (and rejects what it must).
    expect(await refuseEarly(request(), body("someone-else@qianneng.test"), context, deps)).toBeNull();
    expect(await refuseEarly(request(false), body(paused), context, deps)).toBeNull();
    expect(await refuseEarly(request(), body(paused, "forged"), context, deps)).toBeNull();
    expect(await refuseEarly(request(), body("not an identifier"), context, deps)).toBeNull();

    const rows = await t.db.selectFrom("security_events").selectAll().where("type", "=", "sign_in_refused_paused").execute();
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ identifier_hash: hashIdentifier(paused), ip: "198.51.100.20" });
    expect((await store.getFailures(hashIdentifier(paused), Date.now()))?.failures).toBe(5);
  });
});
