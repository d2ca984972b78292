// Runs against the process database (test/sign-in-database.ts: the setup file's fresh SQLite file).
import type { Kysely } from "kysely";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Database } from "@/lib/db/schema";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/lib/db/seed";
import { hashIdentifier } from "@/lib/server/audit/hash-identifier";
import { authorizeCredentials } from "./authorize-credentials";
import { readStatusTicket, STATUS_TICKET_COOKIE } from "@/lib/server/status/status-ticket";
import { Refusal } from "@/lib/server/refusal";
import { withSignInDatabase } from "@/test/sign-in-database";

const cookieJar = vi.hoisted(() => new Map<string, string>());
vi.mock("next/headers", () => ({
  cookies: async () => ({ set: (name: string, value: string) => cookieJar.set(name, value), get: (name: string) => ({ value: cookieJar.get(name) }) }),
  headers: async () => new Headers(),
}));

const DEMO = DEMO_ACCOUNTS[0];
const FROZEN = DEMO_ACCOUNTS.find((a) => a.email === "frozen@qianneng.test")!;

const request = () =>
  new Request("http://localhost/api/auth/callback/credentials", {
    headers: { "x-qn-client-ip": "203.0.113.9", "user-agent": "vitest" },
  });

const signInDatabase = withSignInDatabase();
let db: Kysely<Database>;

beforeAll(() => {
  db = signInDatabase();
});

beforeEach(() => {
  cookieJar.clear();
});

const events = () => db.selectFrom("security_events").selectAll().orderBy("id").execute();

async function refusal(credentials: Record<string, unknown>, req = request()): Promise<Refusal> {
  const error = await authorizeCredentials(credentials, req).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Refusal);
  return error as Refusal;
}

describe("authorizeCredentials", () => {
  it("accepts the right password by email, and records the success with IP and device", async () => {
    const result = await authorizeCredentials({ identifier: "Demo@QianNeng.test ", password: DEMO_PASSWORD }, request());
    expect(result).toEqual({ id: DEMO.id, remember: false, context: { ip: "203.0.113.9", userAgent: "vitest" } });
    const rows = await events();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      type: "sign_in_succeeded",
      user_id: DEMO.id,
      identifier_hash: hashIdentifier("demo@qianneng.test"),
      ip: "203.0.113.9",
      user_agent: "vitest",
    });
  });

  it("accepts the right password by mobile typed with spaces, and passes 'remember' on", async () => {
    const result = await authorizeCredentials({ identifier: "138 0013 8000", password: DEMO_PASSWORD, remember: "on" }, request());
    expect(result.id).toBe(DEMO.id);
    expect(result.remember).toBe(true);
    const [row] = await events();
    expect(row).toMatchObject({ type: "sign_in_succeeded", user_id: DEMO.id, identifier_hash: hashIdentifier("+8613800138000") });
  });

  it("accepts a full-width password typed on a Chinese keyboard", async () => {
    const fullWidth = DEMO_PASSWORD.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    expect(fullWidth).not.toBe(DEMO_PASSWORD);
    expect((await authorizeCredentials({ identifier: "demo@qianneng.test", password: fullWidth }, request())).id).toBe(DEMO.id);
  });

  it("a wrong password → invalid_credentials, recorded against the account", async () => {
    const error = await refusal({ identifier: "demo@qianneng.test", password: "Qianneng#2025" });
    expect(error.code).toBe("invalid_credentials");
    const rows = await events();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      type: "sign_in_failed",
      user_id: DEMO.id,
      identifier_hash: hashIdentifier("demo@qianneng.test"),
      ip: "203.0.113.9",
      user_agent: "vitest",
    });
  });

  it("an unknown identifier → the same invalid_credentials, recorded by a hash that does not hold the identifier", async () => {
    const unknown = await refusal({ identifier: "Nobody@QianNeng.test", password: DEMO_PASSWORD });
    const wrong = await refusal({ identifier: "demo@qianneng.test", password: "nope" });
    expect(unknown.code).toBe("invalid_credentials");
    expect(unknown.code).toBe(wrong.code);
    expect(unknown.message).toBe(wrong.message);

    const [row] = await events();
    expect(row).toMatchObject({ type: "sign_in_failed", user_id: null, ip: "203.0.113.9", user_agent: "vitest" });
    expect(row.identifier_hash).toBe(hashIdentifier("nobody@qianneng.test"));
    expect(row.identifier_hash).toBeTruthy();
    expect(row.identifier_hash!.toLowerCase()).not.toContain("nobody");
    expect(JSON.stringify(row)).not.toContain("nobody");
    expect(JSON.stringify(row)).not.toContain(DEMO_PASSWORD);
  });

  it("an unknown mobile number is hashed, not stored", async () => {
    await refusal({ identifier: "139 0000 0000", password: DEMO_PASSWORD });
    const [row] = await events();
    expect(row.user_id).toBeNull();
    expect(row.identifier_hash).toBe(hashIdentifier("+8613900000000"));
    expect(JSON.stringify(row)).not.toMatch(/13900000000/);
  });

  it.each([
    ["an empty identifier", { identifier: "", password: DEMO_PASSWORD }],
    ["a missing password", { identifier: "demo@qianneng.test" }],
    ["a malformed identifier", { identifier: "abc", password: DEMO_PASSWORD }],
    ["an over-long password", { identifier: "demo@qianneng.test", password: "x".repeat(1025) }],
  ])("%s → invalid_input, nothing recorded", async (_label, credentials) => {
    expect((await refusal(credentials)).code).toBe("invalid_input");
    expect(await events()).toEqual([]);
  });

  it("a frozen account with the right password → account_frozen and a status ticket, recorded with its status", async () => {
    const error = await refusal({ identifier: "frozen@qianneng.test", password: DEMO_PASSWORD });
    expect(error.code).toBe("account_frozen");
    expect(readStatusTicket(cookieJar.get(STATUS_TICKET_COOKIE), Date.now())).toBe(FROZEN.id);
    const [row] = await events();
    expect(row).toMatchObject({ type: "sign_in_refused_status", user_id: FROZEN.id, ip: "203.0.113.9", user_agent: "vitest" });
    expect(JSON.parse(row.detail!)).toEqual({ status: "frozen" });
  });

  it("a frozen account with a wrong password says only invalid_credentials", async () => {
    const error = await refusal({ identifier: "frozen@qianneng.test", password: "wrong" });
    expect(error.code).toBe("invalid_credentials");
    const [row] = await events();
    expect(row).toMatchObject({ type: "sign_in_failed", user_id: FROZEN.id });
  });

  it("without the client-IP header the audit row has no IP (it is never guessed)", async () => {
    const bare = new Request("http://localhost/api/auth/callback/credentials", { headers: { "x-forwarded-for": "198.51.100.1" } });
    await authorizeCredentials({ identifier: "demo@qianneng.test", password: DEMO_PASSWORD }, bare);
    const [row] = await events();
    expect(row).toMatchObject({ type: "sign_in_succeeded", ip: null, user_agent: null });
  });

  it("notes the browser of each sign-in: the same one again is quiet, another one is announced to the owner", async () => {
    await db.deleteFrom("known_devices").where("user_id", "=", DEMO.id).execute();
    const alerts = () => db.selectFrom("outbox").select("channel").where("user_id", "=", DEMO.id).where("kind", "=", "new_device").execute();
    const before = (await alerts()).length;
    const signIn = () => authorizeCredentials({ identifier: "demo@qianneng.test", password: DEMO_PASSWORD }, request());
    await signIn();
    expect(cookieJar.get("qn-device")).toMatch(/^[A-Za-z0-9_-]{43}$/);
    await signIn();
    expect(await alerts()).toHaveLength(before);
    cookieJar.clear();
    await signIn();
    expect((await alerts()).length).toBeGreaterThan(before);
    expect((await events()).map((e) => e.type)).toEqual(["sign_in_succeeded", "sign_in_succeeded", "sign_in_succeeded", "new_device_signed_in"]);
  });
});
