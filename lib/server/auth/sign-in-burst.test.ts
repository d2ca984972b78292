// Simultaneous sign-ins against the gate's reservation: a burst gets at most the remaining allowance of password
// checks, on every database and counter store (authorize() is pointed at the test database and store).
import type { Kysely } from "kysely";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Database } from "@/lib/db/schema";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemoData } from "@/lib/db/seed";
import { verifyPassword } from "@/lib/password/argon2";
import type { CounterStore } from "@/lib/server/counters/counter-store";
import { accountPauseKey } from "@/lib/server/lockout/pause-key";
import { storeKinds, useStore } from "@/test/counter-store-kinds";
import { outcomeOf } from "@/test/outcome";
import { authorizeCredentials } from "./authorize-credentials";

const current = vi.hoisted(() => {
  process.env.IP_FAILED_SIGNIN_LIMIT = "40";
  process.env.IP_AUTH_POST_PER_MINUTE = "100000";
  return { db: undefined as unknown, store: undefined as unknown };
});
vi.mock("@/lib/db", async (original) => ({ ...(await original<object>()), getDb: async () => current.db }));
vi.mock("@/lib/server/counters", async (original) => ({ ...(await original<object>()), getCounterStore: async () => current.store }));
vi.mock("next/headers", () => ({ cookies: async () => ({ get: () => undefined, set: () => {} }), headers: async () => new Headers() }));
vi.mock("@/lib/password/argon2", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/password/argon2")>();
  return { ...original, verifyPassword: vi.fn(original.verifyPassword) };
});

const DEMO = DEMO_ACCOUNTS[0];
let ipCounter = 0;
const newIp = () => `198.51.100.${++ipCounter}`;
const request = (ip: string) => new Request("http://localhost/api/auth/callback/credentials", { headers: { "x-qn-client-ip": ip, "user-agent": "vitest" } });
const attempt = (identifier: string, password: string, ip: string) =>
  outcomeOf(authorizeCredentials({ identifier, password }, request(ip))).then((r) => ("refused" in r ? r.refused : "signed-in"));

describe.each(storeKinds())("a burst of sign-ins with $name", (kind) => {
  const t = useStore(kind);
  let db: Kysely<Database>;
  let store: CounterStore;

  beforeAll(async () => {
    [db, store] = [t.db, t.store];
    [current.db, current.store] = [db, store];
    await seedDemoData(db);
  });
  beforeEach(async () => {
    await store.clearFailures([accountPauseKey(DEMO.id)]);
    await db.deleteFrom("security_events").execute();
    vi.mocked(verifyPassword).mockClear();
  });
  const failedEvents = async () => (await db.selectFrom("security_events").select("type").where("type", "=", "sign_in_failed").execute()).length;

  it("30 simultaneous wrong guesses from one network: exactly 5 password checks, the rest refused unchecked", async () => {
    const ip = newIp();
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => attempt(DEMO.email, `wrong-${i}`, ip)));
    expect(verifyPassword).toHaveBeenCalledTimes(5);
    expect(results.filter((r) => r === "invalid_credentials")).toHaveLength(4);
    expect(results.filter((r) => r === "sign_in_paused")).toHaveLength(26);
    expect(await failedEvents()).toBe(5);
  });

  it("29 wrong guesses and the right password 6th, simultaneously: the right one gets in only if it was among the 5 checked", async () => {
    const ip = newIp();
    const passwords = Array.from({ length: 30 }, (_, i) => (i === 5 ? DEMO_PASSWORD : `wrong-${i}`));
    const results = await Promise.all(passwords.map((p) => attempt(DEMO.email, p, ip)));
    const checked = vi.mocked(verifyPassword).mock.calls.map((call) => call[1]);
    if (!checked.includes(DEMO_PASSWORD)) {
      // Refused once the pause had begun, like every guess after the fifth: never checked.
      expect(results[5]).toBe("sign_in_paused");
      expect(checked).toHaveLength(5);
      return;
    }
    // Its check was reserved before the pause began: it signs in, and a success clears the count (the rule for
    // sequential attempts too), so guesses still arriving may be checked again.
    expect(results[5]).toBe("signed-in");
    expect(checked.indexOf(DEMO_PASSWORD)).toBeLessThan(5);
  });

  it("36 simultaneous wrong guesses split over the email and the mobile: 5 checks for the account, one pause", async () => {
    const ip = newIp();
    const results = await Promise.all(Array.from({ length: 36 }, (_, i) => attempt(i % 2 ? DEMO.email : "138 0013 8000", `wrong-${i}`, ip)));
    expect(verifyPassword).toHaveBeenCalledTimes(5);
    expect(results.filter((r) => r === "invalid_credentials")).toHaveLength(4);
    expect(results.filter((r) => r === "sign_in_paused")).toHaveLength(32);
    expect((await store.getFailures(accountPauseKey(DEMO.id), Date.now()))?.failures).toBe(5);
    const paused = await db.selectFrom("security_events").select("type").where("type", "=", "sign_in_paused").execute();
    expect(paused).toHaveLength(1);
    expect(await attempt(DEMO.email, DEMO_PASSWORD, newIp())).toBe("sign_in_paused");
  });

  it("guesses at many identifiers from one network: no more checks than its daily failure allowance (40 here)", async () => {
    const ip = newIp();
    const results = await Promise.all(Array.from({ length: 70 }, (_, i) => attempt(`burst-${i}@qianneng.test`, "wrong", ip)));
    expect(verifyPassword).toHaveBeenCalledTimes(40);
    expect(results.filter((r) => r === "invalid_credentials")).toHaveLength(40);
    expect(results.filter((r) => r === "ip_throttled")).toHaveLength(30);
    expect(await attempt(DEMO.email, DEMO_PASSWORD, ip)).toBe("ip_throttled");
    expect(await attempt(DEMO.email, DEMO_PASSWORD, newIp())).toBe("signed-in");
  });

  it("a successful sign-in gives its network slot back: carrier NAT users are not throttled by each other's successes", async () => {
    const ip = newIp();
    for (let i = 0; i < 30; i++) expect(await attempt(DEMO.email, DEMO_PASSWORD, ip)).toBe("signed-in");
    for (let i = 0; i < 40; i++) expect(await attempt(`nat-${i}@qianneng.test`, "wrong", ip)).toBe("invalid_credentials");
    expect(await attempt("nat-x@qianneng.test", "wrong", ip)).toBe("ip_throttled");
  });
});
