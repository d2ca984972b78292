import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { enqueueEmail } from "@/lib/mail/enqueue-email";
import { enqueueSms } from "@/lib/sms/enqueue-sms";
import { testDatabases, useDatabase } from "@/test/databases";
import { registerOutboxNudge } from "./nudge-outbox";

const now = 1_767_225_600_000;

const demoUser = {
  id: "u-demo",
  email: "demo@qianneng.test",
  mobile: "+8613800138000",
  name: "林晓",
  password_hash: null,
  status: "active" as const,
  role: "user" as const,
  locale: "zh-CN",
  frozen_reason: null,
  frozen_case_ref: null,
  frozen_at: null,
  password_changed_at: null,
  email_verified_at: null,
  created_at: now,
  updated_at: now,
};

describe.each(testDatabases())("enqueueEmail / enqueueSms on $name", (kind) => {
  const database = useDatabase(kind);
  beforeEach(async () => {
    await database.db.deleteFrom("outbox").execute();
  });

  it("a transaction that rolls back leaves no message behind", async () => {
    const failure = new Error("the event failed");
    await expect(
      database.db.transaction().execute(async (trx) => {
        await enqueueEmail(trx, { to: "demo@qianneng.test", subject: "主题", text: "正文", kind: "lockout_notice" });
        await enqueueSms(trx, { to: "+8613800138000", text: "短信", kind: "lockout_notice" });
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect(await database.db.selectFrom("outbox").selectAll().execute()).toEqual([]);
  });

  it("a committed transaction leaves both messages pending and due at once", async () => {
    await database.db.transaction().execute(async (trx) => {
      await enqueueEmail(trx, { to: "demo@qianneng.test", subject: "主题", text: "正文", html: "<p>正文</p>", kind: "lockout_notice", now });
      await enqueueSms(trx, { to: "+8613800138000", text: "短信", kind: "reset_code", now });
    });
    const rows = await database.db.selectFrom("outbox").selectAll().orderBy("channel").execute();
    expect(rows).toEqual([
      expect.objectContaining({ channel: "email", recipient: "demo@qianneng.test", subject: "主题", body_text: "正文", body_html: "<p>正文</p>", kind: "lockout_notice" }),
      expect.objectContaining({ channel: "sms", recipient: "+8613800138000", subject: null, body_text: "短信", body_html: null, kind: "reset_code" }),
    ]);
    for (const row of rows) {
      expect(row).toMatchObject({ status: "pending", attempts: 0, next_attempt_at: now, created_at: now, claimed_until: null, claim_token: null, sent_at: null });
    }
  });

  it("keeps the message when its user is deleted, without the link to the user", async () => {
    await database.db.insertInto("users").values(demoUser).execute();
    const id = await enqueueEmail(database.db, { to: demoUser.email, subject: "主题", text: "正文", kind: "password_changed", userId: demoUser.id });
    expect((await database.db.selectFrom("outbox").select("user_id").where("id", "=", id).executeTakeFirstOrThrow()).user_id).toBe(demoUser.id);
    await database.db.deleteFrom("users").where("id", "=", demoUser.id).execute();
    const row = await database.db.selectFrom("outbox").select(["user_id", "recipient"]).where("id", "=", id).executeTakeFirstOrThrow();
    expect(row).toEqual({ user_id: null, recipient: demoUser.email });
  });
});

describe("nudging the worker", () => {
  const database = useDatabase(testDatabases()[0]);
  let unregister: (() => void) | undefined;
  afterEach(() => unregister?.());

  it("every enqueue nudges the workers listening in this process", async () => {
    let nudges = 0;
    unregister = registerOutboxNudge(() => nudges++);
    await enqueueEmail(database.db, { to: "a@qianneng.test", subject: "s", text: "t", kind: "test" });
    await enqueueSms(database.db, { to: "+8613800138000", text: "t", kind: "test" });
    expect(nudges).toBe(2);
    unregister();
    await enqueueSms(database.db, { to: "+8613800138000", text: "t", kind: "test" });
    expect(nudges).toBe(2);
  });
});
