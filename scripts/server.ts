import http from "node:http";
import next from "next";
import { ConfigError, getConfig } from "@/lib/config";
import { closeDb, getDb } from "@/lib/db";
import { startServerOutbox } from "@/lib/outbox/start-server-outbox";
import { CLIENT_IP_HEADER, clientIpOf } from "@/lib/server/client-ip";
import { getCounterStore } from "@/lib/server/counters";
import { withHttpGuards } from "@/lib/server/http/with-http-guards";
import { startHousekeeping } from "@/lib/server/housekeeping/start-housekeeping";
import { withSignInPageCache } from "@/lib/server/sign-in-page/with-sign-in-page-cache";
import { withCredentialsFastPath } from "./credentials-callback";

const FORWARDED_HEADERS = ["x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port"];

export type ServerOptions = { dev: boolean; beforeListen?: () => Promise<void> };
export type RunningServer = { server: http.Server; stop: () => Promise<void> };

export function loadConfigOrExit() {
  try {
    return getConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

/** Background work never stops the server from serving: a failure to start is logged, and the server runs on. */
function startInBackground(name: string, start: () => Promise<{ stop: () => Promise<void> }>) {
  return start().catch((error) => {
    console.error(`[${name}] not started:`, error);
    return { stop: async () => {} };
  });
}

/**
 * Starts the portal: validate configuration, migrate the database, then serve Next.js behind a thin
 * HTTP layer that records the client's address from the socket (Next would trust a forged X-Forwarded-For).
 * Every part of the process — this layer, the outbox, housekeeping and the app — shares one database pool
 * and one counter store (getDb, getCounterStore).
 */
export async function startServer({ dev, beforeListen }: ServerOptions): Promise<RunningServer> {
  const config = loadConfigOrExit();
  // Auth.js builds its URLs from APP_URL, never from a request's Host header.
  process.env.AUTH_URL ??= `${config.APP_URL}/api/auth`;
  await getDb();
  await beforeListen?.();

  const app = next({ dev, turbopack: dev, hostname: "localhost", port: config.PORT });
  await app.prepare();
  // Cross-site writes, oversized or unreadable bodies are refused before anything reads them; session cookies are kept
  // honest; the CSRF token and password sign-ins posted to the credentials callback are answered without the
  // framework round trip; GET /sign-in for a browser without a session is rendered once per locale and query.
  const handle = withHttpGuards(config.APP_URL, await withCredentialsFastPath(config, withSignInPageCache(app.getRequestHandler())));
  const server = http.createServer((req, res) => {
    const ip = clientIpOf(req, config.TRUST_PROXY);
    if (ip) req.headers[CLIENT_IP_HEADER] = ip;
    else delete req.headers[CLIENT_IP_HEADER];
    // Without a trusted balancer in front, forwarded headers come from the client: drop them all.
    if (!config.TRUST_PROXY) for (const h of FORWARDED_HEADERS) delete req.headers[h];
    void handle(req, res);
  });
  if (dev) server.on("upgrade", app.getUpgradeHandler());
  await new Promise<void>((resolve) => server.listen(config.PORT, resolve));
  console.log(`钱能钱包 Account Center ready on ${config.APP_URL} (port ${config.PORT}, ${dev ? "development" : "production"})`);
  const background = [startInBackground("housekeeping", startHousekeeping), startInBackground("outbox", () => startServerOutbox(config))];

  // The outbox finishes the send in progress first; unsent messages wait in the database for the next start.
  // Requests in flight are answered; idle keep-alive connections are closed so the process can exit.
  const stop = async () => {
    process.off("SIGTERM", stopAndExit).off("SIGINT", stopAndExit);
    await Promise.all(background.map(async (task) => (await task).stop()));
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    await closed;
    await (await getCounterStore()).close();
    await closeDb();
  };
  function stopAndExit() {
    stop()
      .catch((error) => console.error("[server] stop failed:", error))
      .finally(() => process.exit(0));
  }
  process.once("SIGTERM", stopAndExit);
  process.once("SIGINT", stopAndExit);
  return { server, stop };
}
