import "server-only";
import { sql, type Kysely, type RawBuilder } from "kysely";
import type { Database } from "@/lib/db/schema";
import { FORGET_AFTER_MS, MAX_PAUSE_MS, PAUSE_EVERY, pauseDurationMs, currentFailureState, type FailureState } from "@/lib/server/lockout/pause-policy";
import type { CounterStore, WindowCount } from "./counter-store";

// PostgreSQL cannot infer a parameter's type inside CASE: every number is cast explicitly.
const int = (n: number | null) => sql<number>`cast(${n} as bigint)`;

type FailureRow = { failures: number; last_failure_at: number; paused_until: number | null };

const toState = (row: FailureRow): FailureState => ({
  failures: Number(row.failures),
  lastFailureAt: Number(row.last_failure_at),
  pausedUntil: row.paused_until === null ? null : Number(row.paused_until),
});

/** pause-policy's pauseDurationMs as a SQL CASE, so the whole update is one atomic statement. */
function pauseUntilSql(failures: RawBuilder<number>, now: number): RawBuilder<number | null> {
  const steps: RawBuilder<unknown>[] = [];
  for (let n = PAUSE_EVERY; pauseDurationMs(n)! < MAX_PAUSE_MS; n += PAUSE_EVERY) {
    steps.push(sql`when ${failures} = ${int(n)} then ${int(now + pauseDurationMs(n)!)}`);
  }
  return sql`case when ${failures} % ${int(PAUSE_EVERY)} <> 0 then null ${sql.join(steps, sql` `)} else ${int(now + MAX_PAUSE_MS)} end`;
}

export function createSqlCounterStore(db: Kysely<Database>): CounterStore {
  return {
    async getFailures(key, now) {
      const row = await db.selectFrom("sign_in_failures").select(["failures", "last_failure_at", "paused_until"]).where("key", "=", key).executeTakeFirst();
      return currentFailureState(row ? toState(row) : null, now);
    },

    async reserveFailure(key, now) {
      // Remembered while a failure or the end of a pause is less than 12 h old (pause-policy).
      const horizon = int(now - FORGET_AFTER_MS);
      const failures = sql<number>`(case when sign_in_failures.last_failure_at > ${horizon}
        or coalesce(sign_in_failures.paused_until, 0) > ${horizon} then sign_in_failures.failures + 1 else 1 end)`;
      const first = pauseDurationMs(1);
      const result = await sql<FailureRow>`
        insert into sign_in_failures (key, failures, last_failure_at, paused_until)
        values (${key}, 1, ${int(now)}, ${int(first === null ? null : now + first)})
        on conflict (key) do update set
          failures = ${failures},
          last_failure_at = ${int(now)},
          paused_until = ${pauseUntilSql(failures, now)}
        where sign_in_failures.paused_until is null or sign_in_failures.paused_until <= ${int(now)}
        returning failures, last_failure_at, paused_until`.execute(db);
      return result.rows[0] ? toState(result.rows[0]) : null;
    },

    async unreserveFailure(key, reserved) {
      await db
        .updateTable("sign_in_failures")
        .set((eb) => ({ failures: eb("failures", "-", 1), paused_until: reserved.pausedUntil === null ? eb.ref("paused_until") : null }))
        .where("key", "=", key)
        .where("failures", "=", reserved.failures)
        .where("last_failure_at", "=", reserved.lastFailureAt)
        .execute();
    },

    async clearFailures(keys) {
      if (keys.length > 0) await db.deleteFrom("sign_in_failures").where("key", "in", keys).execute();
    },

    async hit(key, windowMs, now) {
      const result = await sql<{ count: number; reset_at: number }>`
        insert into rate_counters (key, count, reset_at) values (${key}, 1, ${int(now + windowMs)})
        on conflict (key) do update set
          count = case when rate_counters.reset_at <= ${int(now)} then 1 else rate_counters.count + 1 end,
          reset_at = case when rate_counters.reset_at <= ${int(now)} then ${int(now + windowMs)} else rate_counters.reset_at end
        returning count, reset_at`.execute(db);
      const row = result.rows[0];
      return { count: Number(row.count), resetAt: Number(row.reset_at) } satisfies WindowCount;
    },

    async peek(key, now) {
      const row = await db.selectFrom("rate_counters").select(["count", "reset_at"]).where("key", "=", key).where("reset_at", ">", now).executeTakeFirst();
      return row ? { count: Number(row.count), resetAt: Number(row.reset_at) } : { count: 0, resetAt: now };
    },

    async release(key, now) {
      await db
        .updateTable("rate_counters")
        .set((eb) => ({ count: eb("count", "-", 1) }))
        .where("key", "=", key)
        .where("reset_at", ">", now)
        .where("count", ">", 0)
        .execute();
    },

    async hold(key, until, now) {
      const result = await sql<{ reset_at: number }>`
        insert into rate_counters (key, count, reset_at) values (${key}, 1, ${int(until)})
        on conflict (key) do update set count = 1, reset_at = ${int(until)}
        where rate_counters.reset_at <= ${int(now)}
        returning reset_at`.execute(db);
      return result.rows[0] ? Number(result.rows[0].reset_at) : ((await this.heldUntil(key, now)) ?? until);
    },

    async close() {},

    async heldUntil(key, now) {
      const row = await db.selectFrom("rate_counters").select("reset_at").where("key", "=", key).where("reset_at", ">", now).executeTakeFirst();
      return row ? Number(row.reset_at) : null;
    },
  };
}
