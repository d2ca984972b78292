import fs from "node:fs";
import { expect, request as playwrightRequest, test } from "@playwright/test";
import { openDb, outboxRowsFor } from "./support/portal-state";
import { freePort, spawnServer } from "./support/spawn-server";
import { startSmtpSink } from "./support/smtp-sink";

const SECRET = "cluster-spec-secret-0123456789abcdefghijkl";
const OWNER = "2fa@qianneng.test";

/** The processes whose parent is `pid` (from /proc: no tool needed). */
function childrenOf(pid: number): number[] {
  return fs
    .readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .filter((name) => {
      try {
        // The parent id is the second field after the command name, which is in parentheses and may hold spaces.
        const stat = fs.readFileSync(`/proc/${name}/stat`, "utf8");
        return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) === pid;
      } catch {
        return false;
      }
    })
    .map(Number)
    .sort((a, b) => a - b);
}

const isRunning = (pid: number) => fs.existsSync(`/proc/${pid}`);

/** One credentials POST on a connection of its own: the cluster hands each new connection to the next process. */
async function signInOnce(baseURL: string, password: string) {
  const api = await playwrightRequest.newContext({ baseURL });
  try {
    const { csrfToken } = await (await api.get("/api/auth/csrf")).json();
    const response = await api.post("/api/auth/callback/credentials", { form: { identifier: OWNER, password, csrfToken }, maxRedirects: 0 });
    expect(response.status()).toBe(302);
    return response.headers().location ?? "";
  } finally {
    await api.dispose();
  }
}

test("[locked-out] one start runs WEB_CONCURRENCY server processes: a pause reached across them holds on all, its notice is sent once, and a killed process is replaced", async () => {
  test.setTimeout(120_000);
  const smtpPort = await freePort();
  const smtp = await startSmtpSink(smtpPort);
  const file = `data/e2e-cluster-${smtpPort}.db`;
  const server = await spawnServer({ AUTH_SECRET: SECRET, E2E_DB_FILE: file, SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, WEB_CONCURRENCY: "2", IP_AUTH_POST_PER_MINUTE: "1000" });
  try {
    await expect.poll(() => childrenOf(server.pid).length).toBe(2);
    const first = childrenOf(server.pid);

    // Five wrong passwords, each on a new connection, so the two processes take turns counting them.
    for (let i = 0; i < 5; i++) expect(await signInOnce(server.url, `wrong-${i}`)).toContain("code=");
    for (let i = 0; i < 2; i++) expect(await signInOnce(server.url, "Qianneng#2026")).toContain("code=sign_in_paused");

    const mail = await smtp.waitFor((m) => m.to === OWNER, 30_000);
    expect(mail.text).toMatch(/\/unlock\?token=/);
    const db = await openDb(file);
    try {
      // Both processes run an outbox worker: the one row is claimed and sent once.
      await expect.poll(async () => (await outboxRowsFor(OWNER, db)).map((row) => row.status)).toEqual(["sent"]);
    } finally {
      await db.destroy();
    }
    expect(smtp.messages.filter((m) => m.to === OWNER)).toHaveLength(1);

    process.kill(first[0], "SIGKILL");
    await expect.poll(() => childrenOf(server.pid)).toEqual(expect.arrayContaining([first[1]]));
    await expect.poll(() => childrenOf(server.pid).filter((pid) => !first.includes(pid)).length).toBe(1);
    expect(childrenOf(server.pid)).toHaveLength(2);
    for (let i = 0; i < 4; i++) expect((await fetch(`${server.url}/api/health`, { headers: { connection: "close" } })).status).toBe(200);
  } finally {
    const workers = childrenOf(server.pid);
    await server.stop();
    await expect.poll(() => workers.filter(isRunning)).toEqual([]);
    await smtp.stop();
  }
});
