import { randomBytes } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { openOutboxSecrets } from "@/lib/outbox/outbox-secrets";
import { peekNotMeToken } from "@/lib/server/alerts/not-me-tokens";
import { testDatabases, useDatabase } from "@/test/databases";
import { DEVICE_COOKIE, DEVICE_COOKIE_MS, deviceTokenOfThisBrowser, hashDeviceToken } from "./device-cookie";
import { noteSignInDevice } from "./note-sign-in-device";

const jar = vi.hoisted(() => ({ held: undefined as string | undefined, set: [] as { name: string; value: string; options: Record<string, unknown> }[] }));
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (name === "qn-device" && jar.held !== undefined ? { value: jar.held } : undefined),
    set: (name: string, value: string, options: Record<string, unknown>) => jar.set.push({ name, value, options }),
  }),
}));

const NOW = 1_767_225_600_000;
const laptop = { ip: "203.0.113.9", userAgent: "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36" };
const phone = { ip: "198.51.100.23", userAgent: "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1" };
const newDeviceToken = () => randomBytes(32).toString("base64url");

describe("deviceTokenOfThisBrowser", () => {
  it("keeps the id this browser holds and renews its cookie for 400 days, httpOnly", async () => {
    const token = newDeviceToken();
    Object.assign(jar, { held: token, set: [] });
    expect(await deviceTokenOfThisBrowser()).toBe(token);
    expect(jar.set).toEqual([{ name: DEVICE_COOKIE, value: token, options: expect.objectContaining({ httpOnly: true, sameSite: "lax", path: "/", maxAge: DEVICE_COOKIE_MS / 1000 }) }]);
    expect(DEVICE_COOKIE_MS).toBe(400 * 86_400_000);
  });

  it.each([["no cookie", undefined], ["a value this server did not make", "x; drop"]])("gives a browser with %s a fresh random id", async (_, held) => {
    Object.assign(jar, { held, set: [] });
    const token = await deviceTokenOfThisBrowser();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(jar.set[0].value).toBe(token);
    expect(await deviceTokenOfThisBrowser()).not.toBe(token);
  });
});

describe.each(testDatabases())("noteSignInDevice on $name", (kind) => {
  const t = useDatabase(kind);
  let n = 0;

  async function newUser(contact: { mobile?: string } = {}) {
    const id = `device-user-${++n}`;
    const user = { id, email: `${id}@qianneng.test`, mobile: contact.mobile ?? null, locale: "en" };
    await t.db
      .insertInto("users")
      .values({ ...user, name: id, password_hash: null, status: "active", role: "user", frozen_reason: null, frozen_case_ref: null, frozen_at: null, password_changed_at: null, email_verified_at: null, created_at: NOW, updated_at: NOW })
      .execute();
    return user;
  }

  const alertsTo = (userId: string) => t.db.selectFrom("outbox").selectAll().where("user_id", "=", userId).where("kind", "=", "new_device").orderBy("channel").execute();
  const announced = (userId: string) => t.db.selectFrom("security_events").select("type").where("user_id", "=", userId).where("type", "=", "new_device_signed_in").execute();

  it("the account's first device is new against nothing: noted, not announced", async () => {
    const user = await newUser({ mobile: "+8613900000001" });
    const token = newDeviceToken();
    expect(await noteSignInDevice(t.db, { user, token, context: laptop, now: NOW })).toBe("first");
    const row = await t.db.selectFrom("known_devices").selectAll().where("user_id", "=", user.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ device_hash: hashDeviceToken(token), ip: laptop.ip, user_agent: laptop.userAgent });
    expect(Number(row.first_seen_at)).toBe(NOW);
    expect(row.device_hash).not.toContain(token);
    expect(await alertsTo(user.id)).toEqual([]);
    expect(await announced(user.id)).toEqual([]);
  });

  it("a second browser is announced once by email and SMS with a working 'not me' link kept out of the body; the same browser again is not", async () => {
    const user = await newUser({ mobile: "+8613900000002" });
    await noteSignInDevice(t.db, { user, token: newDeviceToken(), context: laptop, now: NOW });
    const second = newDeviceToken();
    expect(await noteSignInDevice(t.db, { user, token: second, context: phone, now: NOW + 1000 })).toBe("new");

    const alerts = await alertsTo(user.id);
    expect(alerts.map((a) => [a.channel, a.recipient])).toEqual([["email", user.email], ["sms", user.mobile]]);
    expect(alerts[0].subject).toBe("Qianneng Wallet: a new sign-in to your account");
    for (const alert of alerts) {
      expect(alert.body_text).toContain("⟦secret:notMeUrl⟧");
      expect(alert.body_text).toContain("198.51.100.*");
      expect(alert.body_text).toContain("Mobile Safari 17 · iOS 17.4");
      const { notMeUrl } = openOutboxSecrets({ ...alert, secrets: alert.secrets! });
      const token = new URL(notMeUrl).searchParams.get("token")!;
      expect(new URL(notMeUrl).pathname).toBe("/not-me");
      expect(alert.body_text).not.toContain(token);
      expect(await peekNotMeToken(t.db, token, NOW + 2000)).toEqual({ userId: user.id, alert: "new_device" });
    }
    expect(await announced(user.id)).toHaveLength(1);

    expect(await noteSignInDevice(t.db, { user, token: second, context: { ...phone, ip: "198.51.100.99" }, now: NOW + 5000 })).toBe("known");
    expect(await alertsTo(user.id)).toHaveLength(2);
    const row = await t.db.selectFrom("known_devices").selectAll().where("device_hash", "=", hashDeviceToken(second)).executeTakeFirstOrThrow();
    expect([Number(row.first_seen_at), Number(row.last_seen_at), row.ip]).toEqual([NOW + 1000, NOW + 5000, "198.51.100.99"]);
  });

  it("simultaneous sign-ins from one new browser announce it once", async () => {
    const user = await newUser({ mobile: "+8613900000003" });
    await noteSignInDevice(t.db, { user, token: newDeviceToken(), context: laptop, now: NOW });
    const token = newDeviceToken();
    const sightings = await Promise.all(Array.from({ length: 6 }, (_, i) => noteSignInDevice(t.db, { user, token, context: phone, now: NOW + i })));
    expect(sightings.filter((s) => s === "new")).toHaveLength(1);
    expect(sightings.filter((s) => s === "known")).toHaveLength(5);
    expect(await alertsTo(user.id)).toHaveLength(2);
    expect(await announced(user.id)).toHaveLength(1);
    expect(await t.db.selectFrom("known_devices").select("id").where("user_id", "=", user.id).execute()).toHaveLength(2);
  });

  it("a browser one account knows is still new to another account", async () => {
    const [first, second] = [await newUser(), await newUser()];
    const shared = newDeviceToken();
    await noteSignInDevice(t.db, { user: first, token: newDeviceToken(), context: laptop, now: NOW });
    await noteSignInDevice(t.db, { user: first, token: shared, context: laptop, now: NOW + 1 });
    await noteSignInDevice(t.db, { user: second, token: newDeviceToken(), context: phone, now: NOW + 2 });
    expect(await noteSignInDevice(t.db, { user: second, token: shared, context: laptop, now: NOW + 3 })).toBe("new");
    expect(await alertsTo(second.id)).toHaveLength(1);
  });
});
