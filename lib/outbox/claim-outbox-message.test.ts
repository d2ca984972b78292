import type { Kysely } from "kysely";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createDb } from "@/lib/db/create-db";
import type { Database } from "@/lib/db/schema";
import { enqueueEmail } from "@/lib/mail/enqueue-email";
import { testDatabases, useDatabase } from "@/test/databases";
import { claimOutboxMessage } from "./claim-outbox-message";
import { findDueMessageIds } from "./find-due-message-ids";

const now = 1_767_225_600_000;
const lease = 60_000;

describe.each(testDatabases())("claiming outbox messages on $name", (kind) => {
  const database = useDatabase(kind);
  // A second connection (pool) to the same database stands for a second server instance.
  let other: Kysely<Database>;
  beforeAll(async () => {
    other = await createDb(database.url);
  });
  afterAll(async () => {
    await other?.destroy();
  });
  beforeEach(async () => {
    await database.db.deleteFrom("outbox").execute();
  });

  const enqueue = () => enqueueEmail(database.db, { to: "a@qianneng.test", subject: "s", text: "t", kind: "test", now });

  it("when two instances race for one message, exactly one gets it", async () => {
    for (let round = 0; round < 10; round++) {
      const id = await enqueue();
      const [a, b] = await Promise.all([
        claimOutboxMessage(database.db, { id, token: "a", now, leaseMs: lease }),
        claimOutboxMessage(other, { id, token: "b", now, leaseMs: lease }),
      ]);
      expect([a, b].filter(Boolean)).toHaveLength(1);
      const winner = (a ?? b)!;
      expect(winner).toMatchObject({ id, claimed_until: now + lease });
      const row = await database.db.selectFrom("outbox").select("claim_token").where("id", "=", id).executeTakeFirstOrThrow();
      expect(row.claim_token).toBe(winner.claim_token);
    }
  });

  it("a live claim keeps others away until its lease runs out", async () => {
    const id = await enqueue();
    expect(await claimOutboxMessage(database.db, { id, token: "a", now, leaseMs: lease })).toBeDefined();
    expect(await findDueMessageIds(database.db, { channel: "email", now: now + 1, limit: 10 })).toEqual([]);
    expect(await claimOutboxMessage(other, { id, token: "b", now: now + lease, leaseMs: lease })).toBeUndefined();
    expect(await findDueMessageIds(other, { channel: "email", now: now + lease + 1, limit: 10 })).toEqual([id]);
    expect(await claimOutboxMessage(other, { id, token: "b", now: now + lease + 1, leaseMs: lease })).toMatchObject({ claim_token: "b" });
  });

  it("a message is not taken before it is due, nor once it is sent or failed, nor on another channel", async () => {
    const id = await enqueue();
    await database.db.updateTable("outbox").set({ next_attempt_at: now + 5_000 }).where("id", "=", id).execute();
    expect(await findDueMessageIds(database.db, { channel: "email", now, limit: 10 })).toEqual([]);
    expect(await claimOutboxMessage(database.db, { id, token: "a", now, leaseMs: lease })).toBeUndefined();
    expect(await findDueMessageIds(database.db, { channel: "sms", now: now + 5_000, limit: 10 })).toEqual([]);
    for (const status of ["sent", "failed"] as const) {
      await database.db.updateTable("outbox").set({ status }).where("id", "=", id).execute();
      expect(await findDueMessageIds(database.db, { channel: "email", now: now + 5_000, limit: 10 })).toEqual([]);
      expect(await claimOutboxMessage(database.db, { id, token: "a", now: now + 5_000, leaseMs: lease })).toBeUndefined();
    }
  });
});
