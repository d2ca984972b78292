import "server-only";
import type { Redis } from "ioredis";
import { FORGET_AFTER_MS, MAX_PAUSE_MS, PAUSE_EVERY, FIRST_PAUSE_MS, currentFailureState, type FailureState } from "@/lib/server/lockout/pause-policy";
import type { CounterStore } from "./counter-store";

// The pause policy as one Lua script: Redis runs it atomically, so concurrent failures cannot race.
const RECORD_FAILURE = `
local now = tonumber(ARGV[1])
local f = tonumber(redis.call('HGET', KEYS[1], 'f') or '0')
local l = tonumber(redis.call('HGET', KEYS[1], 'l') or '0')
local p = tonumber(redis.call('HGET', KEYS[1], 'p') or '0')
if p > now then return nil end
if now - math.max(l, p) >= ${FORGET_AFTER_MS} then f = 0 end
f = f + 1
local paused = 0
if f % ${PAUSE_EVERY} == 0 then
  paused = now + math.min(${FIRST_PAUSE_MS} * 2 ^ (f / ${PAUSE_EVERY} - 1), ${MAX_PAUSE_MS})
end
redis.call('HSET', KEYS[1], 'f', f, 'l', now, 'p', paused)
redis.call('PEXPIRE', KEYS[1], math.max(paused - now, 0) + ${FORGET_AFTER_MS})
return {f, now, paused}`;

const HIT = `
local now = tonumber(ARGV[1])
local c = redis.call('INCR', KEYS[1])
if c == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
local ttl = redis.call('PTTL', KEYS[1])
return {c, now + ttl}`;

const RELEASE = `
local c = tonumber(redis.call('GET', KEYS[1]) or '0')
if c > 0 then redis.call('DECR', KEYS[1]) end
return 0`;

const UNRESERVE = `
local f = tonumber(redis.call('HGET', KEYS[1], 'f') or '0')
local l = tonumber(redis.call('HGET', KEYS[1], 'l') or '0')
if f ~= tonumber(ARGV[1]) or l ~= tonumber(ARGV[2]) then return 0 end
redis.call('HSET', KEYS[1], 'f', f - 1)
if ARGV[3] == '1' then redis.call('HSET', KEYS[1], 'p', 0) end
return 1`;

const HOLD = `
local now = tonumber(ARGV[1])
redis.call('SET', KEYS[1], ARGV[2], 'PXAT', ARGV[2], 'NX')
return redis.call('GET', KEYS[1])`;

type Triple = [number, number, number];

export function createRedisCounterStore(redis: Redis, prefix = "qn:"): CounterStore {
  const k = (key: string) => `${prefix}${key}`;
  return {
    async getFailures(key, now) {
      const h = await redis.hgetall(k(`fail:${key}`));
      if (!h.f) return null;
      const state: FailureState = { failures: Number(h.f), lastFailureAt: Number(h.l), pausedUntil: Number(h.p) || null };
      return currentFailureState(state, now);
    },
    async reserveFailure(key, now) {
      const r = (await redis.eval(RECORD_FAILURE, 1, k(`fail:${key}`), now)) as Triple | null;
      return r ? { failures: Number(r[0]), lastFailureAt: Number(r[1]), pausedUntil: Number(r[2]) || null } : null;
    },
    async unreserveFailure(key, reserved) {
      await redis.eval(UNRESERVE, 1, k(`fail:${key}`), reserved.failures, reserved.lastFailureAt, reserved.pausedUntil === null ? "0" : "1");
    },
    async clearFailures(keys) {
      if (keys.length > 0) await redis.del(...keys.map((key) => k(`fail:${key}`)));
    },
    async hit(key, windowMs, now) {
      const [count, resetAt] = (await redis.eval(HIT, 1, k(`hit:${key}`), now, windowMs)) as [number, number];
      return { count: Number(count), resetAt: Number(resetAt) };
    },
    async peek(key, now) {
      const [count, ttl] = await redis.multi().get(k(`hit:${key}`)).pttl(k(`hit:${key}`)).exec().then((r) => r!.map(([, v]) => v));
      return Number(ttl) > 0 ? { count: Number(count), resetAt: now + Number(ttl) } : { count: 0, resetAt: now };
    },
    async release(key) {
      await redis.eval(RELEASE, 1, k(`hit:${key}`));
    },
    async hold(key, until, now) {
      return Number(await redis.eval(HOLD, 1, k(`hold:${key}`), now, until));
    },
    async close() {
      await redis.quit();
    },
    async heldUntil(key, now) {
      const until = Number(await redis.get(k(`hold:${key}`)));
      return until > now ? until : null;
    },
  };
}
