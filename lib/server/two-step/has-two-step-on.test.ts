import { describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS, seedDemoData } from "@/lib/db/seed";
import { testDatabases, useDatabase } from "@/test/databases";
import { findTwoStepMethods, hasTwoStep } from "./find-two-step-methods";
import { hasTwoStepOn } from "./has-two-step-on";

describe.each(testDatabases())("hasTwoStepOn on $name", (kind) => {
  const t = useDatabase(kind);

  it("answers like the full method lookup, for every way two-step verification can be on or off", async () => {
    await seedDemoData(t.db);
    const id = DEMO_ACCOUNTS[0].id;
    const now = Date.now();
    const check = async (expected: boolean) => {
      const user = await t.db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
      expect(await hasTwoStepOn(t.db, user)).toBe(expected);
      expect(hasTwoStep(await findTwoStepMethods(t.db, id))).toBe(expected);
    };
    await check(false);
    await t.db.insertInto("backup_codes").values({ id: "b1", user_id: id, code_hash: "h", created_at: now, used_at: null }).execute();
    await check(false); // backup codes alone are a way back in, not two-step verification
    await t.db.insertInto("totp_credentials").values({ user_id: id, secret_sealed: "x", created_at: now, confirmed_at: null }).execute();
    await check(false); // an app whose enrolment was never confirmed
    await t.db.updateTable("totp_credentials").set({ confirmed_at: now }).where("user_id", "=", id).execute();
    await check(true);
    await t.db.deleteFrom("totp_credentials").where("user_id", "=", id).execute();
    await t.db.insertInto("passkeys").values({ id: "pk1", user_id: id, public_key: "k", transports: null, name: "Phone", created_at: now, last_used_at: null }).execute();
    await check(true);
    await t.db.deleteFrom("passkeys").where("user_id", "=", id).execute();
    await t.db.updateTable("users").set({ sms_two_step_at: now, mobile: null }).where("id", "=", id).execute();
    await check(false); // SMS codes need a mobile to go to
    await t.db.updateTable("users").set({ mobile: "+8613800138000" }).where("id", "=", id).execute();
    await check(true);
  });
});
