// A portal instance of a spec's own (the shared one is Playwright's webServer), for restarts and several instances.
import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";

export type SpawnedServer = {
  url: string;
  port: number;
  pid: number;
  /** SIGTERM, then waits for the exit (SIGKILL after 10 s). */
  stop: () => Promise<void>;
  /** SIGKILL at once, as a crash or an out-of-memory kill would; resolves when the process is gone. */
  kill: () => Promise<void>;
};

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

// A process ended by a signal has a signalCode and no exitCode.
const hasExited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;

async function waitForHealth(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (hasExited(child)) throw new Error(`server exited with ${child.exitCode ?? child.signalCode}`);
    const ok = await fetch(`${url}/api/health`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server at ${url} did not become healthy`);
}

/** Starts the compiled dist/e2e-server.js with `env` on a free port and waits until it answers /api/health. */
export async function spawnServer(env: Record<string, string>): Promise<SpawnedServer> {
  const port = await freePort();
  const url = `http://localhost:${port}`;
  const { NODE_OPTIONS: _ignored, ...inherited } = process.env;
  const child = spawn(process.execPath, ["dist/e2e-server.js"], {
    env: { ...inherited, PORT: String(port), APP_URL: url, NODE_ENV: "production", ...env },
    stdio: ["ignore", "inherit", "inherit"],
  });
  try {
    await waitForHealth(url, child, 60_000);
  } catch (error) {
    child.kill("SIGKILL");
    throw error;
  }
  const exited = new Promise<void>((resolve) => (hasExited(child) ? resolve() : child.once("exit", () => resolve())));
  const end = async (signal: NodeJS.Signals) => {
    if (hasExited(child)) return;
    const force = setTimeout(() => child.kill("SIGKILL"), 10_000);
    child.kill(signal);
    await exited;
    clearTimeout(force);
  };
  return { url, port, pid: child.pid!, stop: () => end("SIGTERM"), kill: () => end("SIGKILL") };
}
