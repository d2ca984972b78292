import { describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS, seedDemoData } from "@/lib/db/seed";
import { testDatabases, useDatabase } from "@/test/databases";
import { outcomeOf } from "@/test/outcome";
import { SoftAuthenticator } from "@/test/soft-authenticator";
import { CHALLENGE_TTL_MS } from "./passkey-challenges";
import { createRegistrationOptions } from "./create-passkey-options";
import { listPasskeys } from "./list-passkeys";
import { registerPasskey } from "./register-passkey";
import { relyingParty } from "./relying-party";
import { removePasskey } from "./remove-passkey";

const DEMO = DEMO_ACCOUNTS.find((a) => a.email === "demo@qianneng.test")!;
const OTHER = DEMO_ACCOUNTS.find((a) => a.email === "2fa@qianneng.test")!;
const context = { ip: "203.0.113.5", userAgent: "vitest" };

describe.each(testDatabases())("adding and removing passkeys on $name", (kind) => {
  const t = useDatabase(kind);
  const userOf = (id: string) => t.db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
  const proved = (now: number) => ({ proved_at: now - 60_000 });
  const messages = (userId: string, kind: string) =>
    t.db.selectFrom("outbox").select(["channel", "subject", "body_text"]).where("user_id", "=", userId).where("kind", "=", kind).orderBy("channel").execute();

  async function enrol(userId: string, name: string, now = Date.now()) {
    const device = new SoftAuthenticator(relyingParty().rpID, relyingParty().origin);
    const options = await createRegistrationOptions(t.db, { user: await userOf(userId), now });
    await registerPasskey(t.db, { userId, session: proved(now), name, response: JSON.stringify(device.register(options)), context, now });
    return device;
  }

  it("stores several named passkeys, lists them, announces each on every channel and audits it", async () => {
    await seedDemoData(t.db);
    const phone = await enrol(DEMO.id, "My phone", 1_000_000);
    await enrol(DEMO.id, "Laptop", 2_000_000);
    expect(await listPasskeys(t.db, DEMO.id)).toEqual([
      { id: phone.id, name: "My phone", createdAt: 1_000_000, lastUsedAt: null },
      { id: expect.any(String), name: "Laptop", createdAt: 2_000_000, lastUsedAt: null },
    ]);
    const sent = await messages(DEMO.id, "passkey_added");
    expect(sent.map((m) => m.channel)).toEqual(["email", "email", "sms", "sms"]);
    expect(sent[0].body_text).toContain("My phone");
    const audit = await t.db.selectFrom("security_events").select("detail").where("type", "=", "passkey_added").where("user_id", "=", DEMO.id).execute();
    expect(audit.map((e) => JSON.parse(e.detail!).name).sort()).toEqual(["Laptop", "My phone"]);
    // The next prompt tells the browser which passkeys this account already has.
    const next = await createRegistrationOptions(t.db, { user: await userOf(DEMO.id) });
    expect(next.excludeCredentials?.map((c) => c.id)).toContain(phone.id);
    expect(next.authenticatorSelection).toMatchObject({ residentKey: "required", userVerification: "required" });
  });

  it("refuses without a recent proof, and stores nothing", async () => {
    const now = Date.now();
    const device = new SoftAuthenticator(relyingParty().rpID, relyingParty().origin);
    const options = await createRegistrationOptions(t.db, { user: await userOf(OTHER.id), now });
    const response = JSON.stringify(device.register(options));
    const stale = { proved_at: now - 11 * 60_000 };
    expect(await outcomeOf(registerPasskey(t.db, { userId: OTHER.id, session: stale, name: "Old", response, context, now }))).toEqual({ refused: "reauth_required" });
    expect(await listPasskeys(t.db, OTHER.id)).toEqual([]);
  });

  it("accepts an answer once, and not for another account, another site, an expired challenge or without user verification", async () => {
    const now = Date.now();
    const register = (userId: string, response: unknown, at = now) => outcomeOf(registerPasskey(t.db, { userId, session: proved(at), name: "Key", response, context, now: at }));
    const device = () => new SoftAuthenticator(relyingParty().rpID, relyingParty().origin);

    const answer = device().register(await createRegistrationOptions(t.db, { user: await userOf(OTHER.id), now }));
    expect(await register(DEMO.id, answer)).toEqual({ refused: "passkey_invalid" });
    const replayable = device().register(await createRegistrationOptions(t.db, { user: await userOf(OTHER.id), now }));
    expect(await register(OTHER.id, replayable)).toEqual({ passkeyId: replayable.id });
    expect(await register(OTHER.id, replayable)).toEqual({ refused: "passkey_invalid" });

    const phished = device().register(await createRegistrationOptions(t.db, { user: await userOf(OTHER.id), now }), { origin: "https://qianneng-wallet.example" });
    expect(await register(OTHER.id, phished)).toEqual({ refused: "passkey_invalid" });
    const late = device().register(await createRegistrationOptions(t.db, { user: await userOf(OTHER.id), now }));
    expect(await register(OTHER.id, late, now + CHALLENGE_TTL_MS)).toEqual({ refused: "passkey_invalid" });
    const unverified = device().register(await createRegistrationOptions(t.db, { user: await userOf(OTHER.id), now }), { userVerified: false });
    expect(await register(OTHER.id, unverified)).toEqual({ refused: "passkey_invalid" });
    expect(await register(OTHER.id, "{not json")).toEqual({ refused: "passkey_invalid" });
    expect(await register(OTHER.id, { id: "x" })).toEqual({ refused: "passkey_invalid" });
    expect((await listPasskeys(t.db, OTHER.id)).map((p) => p.id)).toEqual([replayable.id]);
  });

  it("removes one passkey of the account after a recent proof, announced and audited; never another account's", async () => {
    const now = Date.now();
    const [keep, drop] = [await enrol(OTHER.id, "Keep", now), await enrol(OTHER.id, "Drop", now + 1)];
    const remove = (userId: string, passkeyId: string, session = proved(now)) => outcomeOf(removePasskey(t.db, { userId, session, passkeyId, context, now }));

    expect(await remove(OTHER.id, drop.id, { proved_at: null as never })).toEqual({ refused: "reauth_required" });
    expect(await remove(DEMO.id, drop.id)).toEqual({ refused: "passkey_not_found" });
    expect(await remove(OTHER.id, drop.id)).toBeUndefined();
    expect(await remove(OTHER.id, drop.id)).toEqual({ refused: "passkey_not_found" });

    expect((await listPasskeys(t.db, OTHER.id)).map((p) => p.name)).toContain("Keep");
    expect((await listPasskeys(t.db, OTHER.id)).map((p) => p.id)).not.toContain(drop.id);
    expect((await listPasskeys(t.db, OTHER.id)).map((p) => p.id)).toContain(keep.id);
    const sent = await messages(OTHER.id, "passkey_removed");
    expect(sent.map((m) => m.channel).sort()).toEqual(["email", "sms"]);
    expect(sent.find((m) => m.channel === "email")!.body_text).toContain("Drop");
    const audit = await t.db.selectFrom("security_events").select("detail").where("type", "=", "passkey_removed").where("user_id", "=", OTHER.id).execute();
    expect(audit.map((e) => JSON.parse(e.detail!))).toEqual([{ name: "Drop" }]);
  });
});
