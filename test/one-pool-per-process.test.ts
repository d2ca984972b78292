// The custom server, its background work, the seed and the app (a separate module instance in the same process)
// must all share one database pool and one Redis client: count how many are opened through a real start-up.
import net from "node:net";
import type { IncomingMessage, ServerResponse } from "node:http";
import { afterAll, expect, it, vi } from "vitest";

const opened = vi.hoisted(() => ({ pools: 0, redisClients: 0 }));

vi.mock("@/lib/db/create-db", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/db/create-db")>();
  return {
    ...real,
    createDb: (url: string) => {
      opened.pools += 1;
      return real.createDb(url);
    },
  };
});

vi.mock("ioredis", async (importOriginal) => {
  const real = await importOriginal<typeof import("ioredis")>();
  class CountedRedis extends real.Redis {
    constructor(...args: ConstructorParameters<typeof real.Redis>) {
      super(...args);
      opened.redisClients += 1;
    }
  }
  return { ...real, Redis: CountedRedis, default: CountedRedis };
});

// Next itself is replaced (a build is not needed to count pools); everything around it starts for real.
vi.mock("next", () => ({
  default: () => ({
    prepare: async () => {},
    getRequestHandler: () => async (_req: IncomingMessage, res: ServerResponse) => void res.end("app"),
    getUpgradeHandler: () => () => {},
  }),
}));

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = net.createServer().listen(0, () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

let stopServer: (() => Promise<void>) | undefined;
afterAll(() => stopServer?.());

it("opens one database pool and at most one Redis client for the whole process", async () => {
  const port = await freePort();
  process.env.PORT = String(port);
  if (process.env.TEST_REDIS_URL) process.env.REDIS_URL = process.env.TEST_REDIS_URL;
  const { startServer } = await import("@/scripts/server");
  const { seedDemo } = await import("@/scripts/seed-demo");
  const { getDb } = await import("@/lib/db");
  const { getCounterStore } = await import("@/lib/server/counters");

  const running = await startServer({ dev: false, beforeListen: seedDemo });
  stopServer = running.stop;
  const answer = await fetch(`http://localhost:${port}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: "email=demo%40qianneng.test&password=wrong",
  });
  expect(await answer.text()).toBe("app");

  // Next's bundle holds its own copy of every module: a fresh module graph stands in for it.
  const serverSide = { db: await getDb(), store: await getCounterStore() };
  vi.resetModules();
  const app = { db: await (await import("@/lib/db")).getDb(), store: await (await import("@/lib/server/counters")).getCounterStore() };
  expect(app.db).toBe(serverSide.db);
  expect(app.store).toBe(serverSide.store);

  stopServer = undefined;
  await running.stop();
  expect(opened.pools).toBe(1);
  expect(opened.redisClients).toBe(process.env.TEST_REDIS_URL ? 1 : 0);
});
