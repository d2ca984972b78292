import { describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS, seedDemoData } from "@/lib/db/seed";
import { testDatabases, useDatabase } from "@/test/databases";
import { outcomeOf } from "@/test/outcome";
import { SoftAuthenticator } from "@/test/soft-authenticator";
import { createAuthenticationOptions, createRegistrationOptions, type AssertionPurpose } from "./create-passkey-options";
import { CHALLENGE_TTL_MS } from "./passkey-challenges";
import { listPasskeys } from "./list-passkeys";
import { registerPasskey } from "./register-passkey";
import { relyingParty } from "./relying-party";
import { verifyPasskeyAssertion } from "./verify-passkey-assertion";

const DEMO = DEMO_ACCOUNTS.find((a) => a.email === "demo@qianneng.test")!;
const OTHER = DEMO_ACCOUNTS.find((a) => a.email === "2fa@qianneng.test")!;
const context = { ip: "203.0.113.5", userAgent: "vitest" };
const INVALID = { refused: "passkey_invalid" };

describe.each(testDatabases())("verifyPasskeyAssertion on $name", (kind) => {
  const t = useDatabase(kind);
  let demoKey: SoftAuthenticator;
  let otherKey: SoftAuthenticator;

  async function enrol(userId: string) {
    const device = new SoftAuthenticator(relyingParty().rpID, relyingParty().origin);
    const user = await t.db.selectFrom("users").selectAll().where("id", "=", userId).executeTakeFirstOrThrow();
    const response = device.register(await createRegistrationOptions(t.db, { user }));
    await registerPasskey(t.db, { userId, session: { proved_at: Date.now() }, name: "Phone", response, context });
    return device;
  }

  const options = (purpose: AssertionPurpose, userId?: string, now?: number) => createAuthenticationOptions(t.db, { purpose, userId, now });
  const verify = (response: unknown, purpose: AssertionPurpose, userId?: string, now?: number) =>
    outcomeOf(verifyPasskeyAssertion(t.db, { response: response as never, purpose, userId, now }));

  it("signs in with any passkey of this site, records its use, and accepts the answer only once", async () => {
    await seedDemoData(t.db);
    [demoKey, otherKey] = [await enrol(DEMO.id), await enrol(OTHER.id)];
    const offered = await options("sign_in", undefined, 5_000_000);
    expect(offered).toMatchObject({ rpId: relyingParty().rpID, userVerification: "required" });
    expect(offered.allowCredentials ?? []).toEqual([]);
    const answer = demoKey.assert(offered);
    expect(await verify(answer, "sign_in", undefined, 5_000_100)).toEqual({ userId: DEMO.id, passkeyId: demoKey.id });
    expect((await listPasskeys(t.db, DEMO.id))[0].lastUsedAt).toBe(5_000_100);
    expect(await verify(answer, "sign_in", undefined, 5_000_200)).toEqual(INVALID);
  });

  it("with a user: offers only that account's passkeys and refuses another account's", async () => {
    const offered = await options("second_factor", OTHER.id);
    expect(offered.allowCredentials?.map((c) => c.id)).toEqual([otherKey.id]);
    expect(await verify(demoKey.assert(offered), "second_factor", OTHER.id)).toEqual(INVALID);
    expect(await verify(otherKey.assert(await options("second_factor", OTHER.id)), "second_factor", OTHER.id)).toEqual({ userId: OTHER.id, passkeyId: otherKey.id });
  });

  it("refuses a challenge issued for another purpose or another user", async () => {
    expect(await verify(demoKey.assert(await options("second_factor", DEMO.id)), "reset", DEMO.id)).toEqual(INVALID);
    expect(await verify(demoKey.assert(await options("second_factor", DEMO.id)), "sign_in")).toEqual(INVALID);
    expect(await verify(demoKey.assert(await options("sign_in")), "reset", DEMO.id)).toEqual(INVALID);
    expect(await verify(demoKey.assert(await options("reset", OTHER.id)), "reset", DEMO.id)).toEqual(INVALID);
  });

  it("refuses an expired challenge, another origin, a missing user verification, an unknown passkey, a counter gone back", async () => {
    const now = Date.now();
    expect(await verify(demoKey.assert(await options("sign_in", undefined, now)), "sign_in", undefined, now + CHALLENGE_TTL_MS)).toEqual(INVALID);
    expect(await verify(demoKey.assert(await options("sign_in"), { origin: "https://qianneng-wallet.example" }), "sign_in")).toEqual(INVALID);
    expect(await verify(demoKey.assert(await options("sign_in"), { userVerified: false }), "sign_in")).toEqual(INVALID);
    const stranger = new SoftAuthenticator(relyingParty().rpID, relyingParty().origin);
    expect(await verify(stranger.assert(await options("sign_in")), "sign_in")).toEqual(INVALID);
    const cloned = demoKey.counter;
    expect(await verify(demoKey.assert(await options("sign_in")), "sign_in")).toMatchObject({ userId: DEMO.id });
    expect(await verify(demoKey.assert(await options("sign_in"), { counter: cloned }), "sign_in")).toEqual(INVALID);
  });

  it("refuses malformed answers with the same refusal", async () => {
    const offered = await options("sign_in");
    const good = demoKey.assert(offered);
    for (const bad of [undefined, "text", {}, { ...good, response: { ...good.response, clientDataJSON: "not base64!" } }, { ...good, response: { ...good.response, signature: "AAAA" } }]) {
      expect(await verify(bad, "sign_in")).toEqual(INVALID);
    }
  });

  it("accepts one of 10 identical answers sent at once", async () => {
    const answer = demoKey.assert(await options("sign_in"));
    const results = await Promise.all(Array.from({ length: 10 }, () => verify(answer, "sign_in")));
    expect(results.filter((r) => "userId" in r)).toHaveLength(1);
    expect(results.filter((r) => "refused" in r)).toHaveLength(9);
  });
});
