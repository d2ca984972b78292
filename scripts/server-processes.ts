import cluster from "node:cluster";
import { availableParallelism } from "node:os";
import { closeDb, getDb } from "@/lib/db";
import { getCounterStore } from "@/lib/server/counters";
import { loadConfigOrExit, startServer } from "./server";
import { workerMemoryFlags } from "./worker-memory-flags";

// A worker that exits more often than this (per worker, per minute) is failing at start: stop instead of looping.
const RESTARTS_PER_WORKER_PER_MINUTE = 5;
// Workers get this long to answer the requests in flight after SIGTERM before they are killed.
const STOP_GRACE_MS = 15_000;
/**
 * The production server on every core: with WEB_CONCURRENCY (default: one per core) above 1, a primary process
 * migrates the database and runs `prepare` once, then forks that many workers that share the port (node:cluster).
 * Each worker is a whole portal instance — its own outbox worker and housekeeping, safe to run many times because
 * every claim is atomic in the database — and all state lives in the database or Redis, never in one process.
 * A worker that dies is replaced; SIGTERM/SIGINT stops them all gracefully.
 */
export async function startServerProcesses({ prepare }: { prepare?: () => Promise<void> } = {}): Promise<void> {
  if (cluster.isWorker) {
    await startServer({ dev: false });
    return;
  }
  const config = loadConfigOrExit();
  const workers = config.WEB_CONCURRENCY ?? availableParallelism();
  // Workers inherit it: each sizes its share of the machine by it (the password hash slots).
  process.env.WEB_CONCURRENCY = String(workers);
  if (workers === 1) {
    await startServer({ dev: false, beforeListen: prepare });
    return;
  }
  await getDb();
  await prepare?.();
  await (await getCounterStore()).close();
  await closeDb();
  superviseWorkers(workers);
}

function superviseWorkers(count: number) {
  let stopping = false;
  const exits: number[] = [];
  const alive = () => Object.values(cluster.workers ?? {}).filter((worker) => worker && !worker.isDead());

  const stopAll = (exitCode: number) => {
    stopping = true;
    for (const worker of alive()) worker?.process.kill("SIGTERM");
    setTimeout(() => {
      for (const worker of alive()) worker?.process.kill("SIGKILL");
      process.exit(exitCode);
    }, STOP_GRACE_MS).unref();
    if (alive().length === 0) process.exit(exitCode);
  };

  cluster.on("exit", (worker, code, signal) => {
    if (stopping) {
      if (alive().length === 0) process.exit(process.exitCode ?? 0);
      return;
    }
    const now = Date.now();
    exits.push(now);
    while (exits[0] < now - 60_000) exits.shift();
    if (exits.length > count * RESTARTS_PER_WORKER_PER_MINUTE) {
      console.error("[cluster] workers keep exiting; stopping");
      process.exitCode = 1;
      stopAll(1);
      return;
    }
    console.error(`[cluster] worker ${worker.process.pid} exited (${signal ?? code}); starting another`);
    cluster.fork();
  });
  process.once("SIGTERM", () => stopAll(0));
  process.once("SIGINT", () => stopAll(0));
  cluster.setupPrimary({ execArgv: [...process.execArgv, ...workerMemoryFlags(process.execArgv, process.env.NODE_OPTIONS)] });
  for (let i = 0; i < count; i++) cluster.fork();
  console.log(`[cluster] ${count} server processes on port ${loadConfigOrExit().PORT} (primary ${process.pid})`);
}
