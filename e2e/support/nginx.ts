// A real nginx in front of several portal instances, as an operator would run it, plus one test-only switch:
// the X-E2E-Instance request header pins a request to one named instance, so a spec can prove that what one
// instance made works on another. Every file nginx writes stays in a temporary folder.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export const PIN_HEADER = "x-e2e-instance";
/** Set by the test config on every answer: the instance address(es) nginx tried, e.g. "127.0.0.1:4101". */
export const UPSTREAM_HEADER = "x-e2e-upstream";
/** Also on every answer: the client address nginx saw, the one it appends to X-Forwarded-For. */
export const CLIENT_HEADER = "x-e2e-client";

/** `pid`: nginx's master process (its workers are its children), e.g. to meter its CPU time. */
export type Nginx = { url: string; pid: number; stop: () => Promise<void> };

/** nginx from PATH or Debian's /usr/sbin (not on a non-root PATH); NGINX_PATH overrides both. */
export function findNginx(): string | null {
  const candidates = [process.env.NGINX_PATH, ...(process.env.PATH ?? "").split(":").map((dir) => path.join(dir, "nginx")), "/usr/sbin/nginx"];
  return candidates.find((file): file is string => !!file && fs.existsSync(file)) ?? null;
}

function hasIpv6Loopback(): boolean {
  return Object.values(os.networkInterfaces()).some((list) => list?.some((a) => a.family === "IPv6" && a.address === "::1"));
}

function configFor(dir: string, port: number, instances: Record<string, number>): string {
  const names = Object.keys(instances);
  const upstream = (name: string, ports: number[]) =>
    // max_fails/fail_timeout: a dead instance is skipped for 10 s after one failed connection, then tried again.
    `  upstream portal_${name} {\n${ports.map((p) => `    server 127.0.0.1:${p} max_fails=1 fail_timeout=10s;`).join("\n")}\n  }`;
  // Chromium resolves localhost to ::1 as well as 127.0.0.1.
  const listens = [`127.0.0.1:${port}`, ...(hasIpv6Loopback() ? [`[::1]:${port}`] : [])];
  return `worker_processes 1;
error_log ${dir}/error.log warn;
pid ${dir}/nginx.pid;
events { worker_connections 512; }
http {
  access_log off;
  client_body_temp_path ${dir}/client_body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  client_max_body_size 32m;
${upstream("all", Object.values(instances))}
${names.map((name) => upstream(name, [instances[name]])).join("\n")}
  map $http_${PIN_HEADER.replaceAll("-", "_")} $portal {
    default portal_all;
${names.map((name) => `    ${name} portal_${name};`).join("\n")}
  }
  server {
${listens.map((l) => `    listen ${l};`).join("\n")}
    location / {
      proxy_pass http://$portal;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_set_header X-Forwarded-Host $http_host;
      proxy_connect_timeout 2s;
      proxy_next_upstream error timeout;
      add_header ${UPSTREAM_HEADER} $upstream_addr always;
      add_header ${CLIENT_HEADER} $remote_addr always;
    }
  }
}
`;
}

async function waitUntilServing(url: string, child: ChildProcess, dir: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      const log = fs.readFileSync(path.join(dir, "error.log"), "utf8");
      throw new Error(`nginx exited with ${child.exitCode ?? child.signalCode}:\n${log}`);
    }
    if (await fetch(`${url}/api/health`).then((r) => r.ok, () => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`nginx at ${url} did not answer`);
}

/**
 * Starts nginx on `port` in front of `instances` (name → port); unpinned requests are balanced over all. The port
 * is chosen by the caller because the instances must know nginx's address (APP_URL) before nginx starts.
 */
export async function startNginx(instances: Record<string, number>, port: number): Promise<Nginx> {
  const binary = findNginx();
  if (!binary) throw new Error("nginx is not installed (apt-get install -y nginx, or set NGINX_PATH)");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "qn-nginx-"));
  // Run as root, nginx's workers switch to an unprivileged user, which must reach the temp folders inside.
  fs.chmodSync(dir, 0o755);
  const conf = path.join(dir, "nginx.conf");
  fs.writeFileSync(conf, configFor(dir, port, instances));
  // -e: the error log from the first moment (before the config is read, nginx would open the system's).
  const child = spawn(binary, ["-p", dir, "-c", conf, "-e", path.join(dir, "error.log"), "-g", "daemon off;"], { stdio: ["ignore", "inherit", "inherit"] });
  const url = `http://localhost:${port}`;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  try {
    await waitUntilServing(url, child, dir);
  } catch (error) {
    child.kill("SIGKILL");
    await exited;
    fs.rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    url,
    pid: child.pid!,
    stop: async () => {
      // SIGQUIT: nginx's graceful stop.
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGQUIT");
      await exited;
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
