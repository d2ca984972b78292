// The production server under test: the compiled dist/e2e-server.js on a fresh SQLite file and a free port (or, for
// the growth scenario, on a database prepared beforehand: a kept SQLite file or a PostgreSQL database).
import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import { availableParallelism } from "node:os";
import path from "node:path";
import { exited, OutputTail, sleep, spawnCaptured, stopGroup } from "./child-process";
import { commandLine, isAlive, listeningPid, processTree } from "./proc-info";

const START_TIMEOUT_MS = 60_000;

/** Servers started and not yet stopped, and what else must go if the run is cut short (see stopEverything). */
const running = new Set<BenchServer>();
const leftovers = new Set<() => Promise<void>>();

export type BenchServer = {
  port: number;
  baseUrl: string;
  child: ChildProcess;
  /** The process that listens on the port (normally the spawned node process itself). */
  pid: number;
  pidNote: string;
  output: OutputTail;
  /** The SQLite file (relative to the working directory); "" when the server runs on PostgreSQL. */
  dbFile: string;
  /** The database was prepared by the caller, who also removes it: stopping the server leaves it alone. */
  keepDb: boolean;
};

/** Where a server keeps its data: by default a fresh SQLite file it migrates and seeds itself. */
export type ServerDatabase = {
  /** An SQLite file to use instead of data/bench-PORT.db. */
  dbFile?: string;
  /** A PostgreSQL URL to use instead of an SQLite file. */
  databaseUrl?: string;
  /** The database is already migrated and seeded: the server starts on it as it is (E2E_KEEP_DB). */
  prepared?: boolean;
  /** A Redis for the counters (REDIS_URL), shared with the other servers on the same database. */
  redisUrl?: string;
};

/** How a server is run when it is one of several instances behind a proxy, not the bench's only server. */
export type ServerOptions = {
  /** The address clients use (APP_URL), e.g. the proxy's; by default the server's own http://localhost:PORT. */
  appUrl?: string;
  /** Server processes (WEB_CONCURRENCY); by default BENCH_PROCESSES. */
  processes?: number;
};

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "localhost", () => {
      const address = probe.address();
      probe.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/**
 * Every request comes from 127.0.0.1: per-IP limits would measure the limiter, not the sign-in path (a
 * paused-identifier attack would be answered rate_limited from the 61st POST of a minute on the defaults).
 */
export const BENCH_IP_LIMITS = { IP_FAILED_SIGNIN_LIMIT: "1000000", IP_AUTH_POST_PER_MINUTE: "1000000" } as const;

/**
 * One secret for the run, in this process too: fixtures sealed here (authenticator secrets) must open in the
 * server. Set before anything in this process reads its configuration.
 */
let runSecret: string | undefined;
/** The same secret for every server of the run, so a second server does not break fixtures sealed for the first. */
export function shareAuthSecret(): string {
  runSecret ??= `bench-only-secret-${randomBytes(24).toString("base64url")}`;
  process.env.AUTH_SECRET = runSecret;
  return runSecret;
}

/** Server processes, as `npm start` runs them: one per core unless BENCH_PROCESSES says otherwise. */
export const BENCH_PROCESSES = Number(process.env.BENCH_PROCESSES) || availableParallelism();

function serverEnv(port: number, dbFile: string, database: ServerDatabase, options: ServerOptions): NodeJS.ProcessEnv {
  return {
    ...process.env,
    PORT: String(port),
    APP_URL: options.appUrl ?? `http://localhost:${port}`,
    AUTH_SECRET: shareAuthSecret(),
    E2E_DB_FILE: dbFile,
    WEB_CONCURRENCY: String(options.processes ?? BENCH_PROCESSES),
    // The fixed-rate attack comes from 50 simulated addresses, as X-Forwarded-For; requests without it keep the socket's.
    TRUST_PROXY: "1",
    ...(database.databaseUrl ? { E2E_DATABASE_URL: database.databaseUrl } : {}),
    ...(database.prepared ? { E2E_KEEP_DB: "1" } : {}),
    ...(database.redisUrl ? { REDIS_URL: database.redisUrl } : {}),
    NEXT_TELEMETRY_DISABLED: "1",
    ...BENCH_IP_LIMITS,
  };
}

async function waitHealthy(baseUrl: string, child: ChildProcess, output: OutputTail): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  let last = "no answer";
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`server exited during start-up:\n${output.text()}`);
    try {
      const response = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(2000) });
      last = `${response.status} ${(await response.text()).slice(0, 200)}`;
      if (response.status === 200) return;
    } catch {
      // Not listening yet.
    }
    await sleep(250);
  }
  throw new Error(`server not healthy after ${START_TIMEOUT_MS / 1000} s (last GET /api/health: ${last}):\n${output.text()}`);
}

function describePid(child: ChildProcess, port: number): { pid: number; pidNote: string } {
  const root = child.pid!;
  const pid = listeningPid(root, port);
  if (pid === undefined) return { pid: root, pidNote: `pid ${root} (listening process not found)` };
  const role = pid === root ? "the spawned process itself" : `child of pid ${root}`;
  return { pid, pidNote: `pid ${pid}, ${role}, listening on :${port} — \`${commandLine(pid).slice(0, 120)}\`` };
}

/** Extra node flags for the server, e.g. BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=prof" to profile it. */
const nodeArgs = () => (process.env.BENCH_NODE_ARGS ?? "").split(" ").filter(Boolean);

/** Starts the server and waits for GET /api/health → 200. */
export async function startServer(log: (message: string) => void, database: ServerDatabase = {}, options: ServerOptions = {}): Promise<BenchServer> {
  const port = await freePort();
  const dbFile = database.databaseUrl ? "" : (database.dbFile ?? `data/bench-${port}.db`);
  const keepDb = Boolean(database.prepared || database.databaseUrl);
  const baseUrl = `http://localhost:${port}`;
  const output = new OutputTail(200);
  const child = spawnCaptured(process.execPath, [...nodeArgs(), "dist/e2e-server.js"], { env: serverEnv(port, dbFile, database, options) }, output);
  const started = Date.now();
  try {
    await waitHealthy(baseUrl, child, output);
  } catch (error) {
    await stopServer({ port, baseUrl, child, pid: child.pid ?? 0, pidNote: "", output, dbFile, keepDb }, log);
    throw error;
  }
  log(`server healthy on ${baseUrl} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const server = { port, baseUrl, child, output, dbFile, keepDb, ...describePid(child, port) };
  running.add(server);
  return server;
}

function killQuietly(pid: number): void {
  try {
    process.kill(pid, "SIGKILL");
  } catch {
    // Exited meanwhile.
  }
}

export function removeDbFiles(dbFile: string): void {
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(path.resolve(dbFile + suffix), { force: true });
}

/** Stops the whole process group, checks nothing of it survived, deletes the database files it made itself. */
export async function stopServer(server: BenchServer, log: (message: string) => void): Promise<void> {
  running.delete(server);
  const tree = server.child.pid ? processTree(server.child.pid) : [];
  await stopGroup(server.child);
  const code = await exited(server.child);
  for (let i = 0; i < 20 && tree.some(isAlive); i++) await sleep(100);
  const survivors = tree.filter(isAlive);
  for (const pid of survivors) killQuietly(pid);
  if (!server.keepDb) removeDbFiles(server.dbFile);
  const note = survivors.length ? `; SIGKILLed survivors ${survivors.join(", ")}` : "; no process left";
  log(`server stopped (exit ${code}${note})${server.keepDb ? "" : `; removed ${server.dbFile}{,-wal,-shm}`}`);
}

/** Something to remove if the run is cut short (a prepared database); call the returned function once it is gone. */
export function removeOnBail(remove: () => Promise<void>): () => void {
  leftovers.add(remove);
  return () => leftovers.delete(remove);
}

/** Interrupted or out of time: every server still running is stopped and every prepared database removed. */
export async function stopEverything(log: (message: string) => void): Promise<void> {
  for (const server of [...running]) await stopServer(server, log);
  for (const remove of [...leftovers]) await remove().catch(() => {});
  leftovers.clear();
}
