import http from "node:http";
import next from "next";
import { ConfigError, getConfig } from "@/lib/config";
import { createDb } from "@/lib/db/create-db";
import { migrateToLatest } from "@/lib/db/migrate";
import { startServerOutbox, type ServerOutbox } from "@/lib/outbox/start-server-outbox";
import { CLIENT_IP_HEADER, clientIpOf } from "@/lib/server/client-ip";
import { withHttpGuards } from "@/lib/server/http/with-http-guards";
import { startHousekeeping } from "@/lib/server/housekeeping/start-housekeeping";
import { withEarlyRefusal } from "./early-refusal";

const FORWARDED_HEADERS = ["x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port"];

export type ServerOptions = { dev: boolean; beforeListen?: () => Promise<void> };

function loadConfigOrExit() {
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

/**
 * Starts the portal: validate configuration, migrate the database, then serve Next.js behind a thin
 * HTTP layer that records the client's address from the socket (Next would trust a forged X-Forwarded-For).
 */
export async function startServer({ dev, beforeListen }: ServerOptions): Promise<void> {
  const config = loadConfigOrExit();
  // Auth.js builds its URLs from APP_URL, never from a request's Host header.
  process.env.AUTH_URL ??= `${config.APP_URL}/api/auth`;
  const db = await createDb(config.DATABASE_URL);
  const applied = await migrateToLatest(db);
  if (applied.length > 0) console.log(`Applied migrations: ${applied.join(", ")}`);
  await db.destroy();
  await beforeListen?.();

  const app = next({ dev, turbopack: dev, hostname: "localhost", port: config.PORT });
  await app.prepare();
  // Cross-site writes, oversized or unreadable bodies are refused before anything reads them; session cookies are kept honest.
  const handle = withHttpGuards(config.APP_URL, await withEarlyRefusal(config, app.getRequestHandler()));
  const server = http.createServer((req, res) => {
    const ip = clientIpOf(req, config.TRUST_PROXY);
    if (ip) req.headers[CLIENT_IP_HEADER] = ip;
    else delete req.headers[CLIENT_IP_HEADER];
    // Without a trusted balancer in front, forwarded headers come from the client: drop them all.
    if (!config.TRUST_PROXY) for (const h of FORWARDED_HEADERS) delete req.headers[h];
    void handle(req, res);
  });
  if (dev) server.on("upgrade", app.getUpgradeHandler());
  let outbox: Promise<ServerOutbox | undefined> | undefined;
  let housekeeping: Promise<{ stop: () => Promise<void> } | undefined> | undefined;
  server.listen(config.PORT, () => {
    console.log(`钱能钱包 Account Center ready on ${config.APP_URL} (port ${config.PORT}, ${dev ? "development" : "production"})`);
    housekeeping = startHousekeeping(config).catch((error) => {
      console.error("[housekeeping] not started:", error);
      return undefined;
    });
    outbox = startServerOutbox(config).catch((error) => {
      console.error("[outbox] not started:", error);
      return undefined;
    });
  });
  // The outbox finishes the send in progress first; unsent messages wait in the database for the next start.
  // Requests in flight are answered; idle keep-alive connections are closed so the process can exit.
  const stop = () => {
    void Promise.all([Promise.resolve(outbox).then((o) => o?.stop()), Promise.resolve(housekeeping).then((h) => h?.stop())])
      .catch((error) => console.error("[server] stop failed:", error))
      .finally(() => {
        server.close(() => process.exit(0));
        server.closeIdleConnections();
      });
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}
