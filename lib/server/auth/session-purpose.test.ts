// Every entry point that reads a session checks the purpose of its record itself: a reset-only or second-factor
// session opens nothing a full session opens (and only a reset session may set a password), whatever the proxy does.
import type { Kysely } from "kysely";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { GET as accountStatusRoute } from "@/app/api/account-status/route";
import { getDb } from "@/lib/db";
import type { Database, SessionPurpose } from "@/lib/db/schema";
import { DEMO_ACCOUNTS, seedDemoData } from "@/lib/db/seed";
import { unlockFromStatusAction } from "@/lib/actions/account-status";
import { changePasswordAction } from "@/lib/actions/change-password";
import { resetPasswordAction } from "@/lib/actions/reset-password";
import { createSession } from "@/lib/server/sessions/create-session";
import { findStatusViewer } from "@/lib/server/status/find-status-viewer";
import { findSignedIn } from "./find-signed-in";
import { requireAccount } from "./require-account";
import { formData } from "@/test/form-data";

const claims = vi.hoisted(() => ({ current: null as null | { user: { id: string }; sessionId: string; purpose: string } }));
vi.mock("@/auth", () => ({ auth: async () => claims.current, signIn: vi.fn(), signOut: vi.fn() }));
vi.mock("next/headers", () => ({ cookies: async () => ({ get: () => undefined, set: () => {} }), headers: async () => new Headers() }));

const DEMO = DEMO_ACCOUNTS[0];
const context = { ip: "203.0.113.5", userAgent: "vitest" };
const NEW_PASSWORD = "Lantern-Orbit-7-Quay!";
let db: Kysely<Database>;

/** A session row of this purpose; the cookie's claims say "full" whatever the row holds, as a forged or stale JWT might. */
async function browserWith(purpose: SessionPurpose) {
  const { id } = await createSession(db, { userId: DEMO.id, persistent: false, context, purpose });
  claims.current = { user: { id: DEMO.id }, sessionId: id, purpose: "full" };
}

/** Where a rejected call redirected to (Next's redirect() throws an error whose digest holds the URL). */
async function redirectOf(work: Promise<unknown>): Promise<string> {
  const error = (await work.then(() => null, (e: unknown) => e)) as { digest?: string } | null;
  return error?.digest?.split(";")[2] ?? "no redirect";
}

beforeAll(async () => {
  db = await getDb();
  await seedDemoData(db);
});
beforeEach(() => {
  claims.current = null;
});

describe.each(["reset", "second_factor"] as const)("a %s session", (purpose) => {
  beforeEach(() => browserWith(purpose));

  it("is not a signed-in account: findSignedIn, requireAccount and the status viewer refuse it", async () => {
    expect(await findSignedIn("full")).toBeNull();
    expect(await redirectOf(requireAccount("/account"))).toBe("/sign-in?callbackUrl=%2Faccount");
    expect(await findStatusViewer()).toBeNull();
  });

  it("GET /api/account-status answers 401 and shows nothing of the account", async () => {
    const response = await accountStatusRoute();
    expect(response.status).toBe(401);
    expect(JSON.stringify(await response.json())).not.toContain("qianneng");
  });

  it("the change-password action sends it to the sign-in page and changes nothing", async () => {
    const before = await db.selectFrom("users").select("password_hash").where("id", "=", DEMO.id).executeTakeFirstOrThrow();
    const fields = formData({ current: "Qianneng#2026", password: NEW_PASSWORD, confirm: NEW_PASSWORD });
    expect(await redirectOf(changePasswordAction({}, fields))).toBe("/sign-in?callbackUrl=%2Faccount%2Fsecurity");
    expect(await db.selectFrom("users").select("password_hash").where("id", "=", DEMO.id).executeTakeFirstOrThrow()).toEqual(before);
  });

  it("the status view's unlock action refuses it", async () => {
    expect(await unlockFromStatusAction({}, formData({}))).toEqual({ code: "ownership_expired" });
  });
});

describe.each(["full", "second_factor"] as const)("a %s session on the reset form", (purpose) => {
  beforeEach(() => browserWith(purpose));

  it("cannot set a password: reset_expired, the account unchanged", async () => {
    const before = await db.selectFrom("users").select("password_hash").where("id", "=", DEMO.id).executeTakeFirstOrThrow();
    expect(await resetPasswordAction({}, formData({ password: NEW_PASSWORD, confirm: NEW_PASSWORD }))).toEqual({ code: "reset_expired" });
    expect(await db.selectFrom("users").select("password_hash").where("id", "=", DEMO.id).executeTakeFirstOrThrow()).toEqual(before);
  });
});

describe("a full session", () => {
  beforeEach(() => browserWith("full"));

  it("is the signed-in account everywhere", async () => {
    expect((await findSignedIn("full"))?.user.id).toBe(DEMO.id);
    expect((await requireAccount("/account")).user.id).toBe(DEMO.id);
    expect(await findStatusViewer()).toBe(DEMO.id);
    expect((await accountStatusRoute()).status).toBe(200);
  });
});

describe("an action called with the wrong arguments", () => {
  it("is refused as invalid input, never a crash", async () => {
    const misuse = changePasswordAction as unknown as (...args: unknown[]) => Promise<unknown>;
    expect(await misuse({}, 1)).toEqual({ code: "invalid_input" });
    expect(await misuse([{}, 1])).toEqual({ code: "invalid_input" });
  });
});
