import { execFileSync } from "node:child_process";
import { defineConfig, devices } from "@playwright/test";

// Ports are picked once, in the main process; workers inherit them through the environment.
function freePort(): string {
  return execFileSync(process.execPath, ["-e", "const s=require('net').createServer().listen(0,()=>{console.log(s.address().port);s.close()})"]).toString().trim();
}
process.env.E2E_PORT ??= freePort();
process.env.E2E_SMTP_PORT ??= freePort();
process.env.E2E_SMS_PORT ??= freePort();
process.env.E2E_SINK_API_PORT ??= freePort();
const port = process.env.E2E_PORT;
// Specs open the server's database too (to add accounts of their own): workers inherit this.
process.env.E2E_DB_FILE ??= `data/e2e-${port}.db`;
const baseURL = process.env.E2E_BASE_URL ?? `http://localhost:${port}`;
// Specs recompute the server's keyed identifier hashes to find the audit rows a request writes.
process.env.E2E_AUTH_SECRET ??= "e2e-secret-not-for-production-0123456789abcdef";

export default defineConfig({
  testDir: "e2e",
  // Specs open the database through server modules; their "server-only" marker is a no-op here (see the file).
  tsconfig: "./e2e/tsconfig.json",
  globalSetup: "./e2e/support/global-sinks.ts",
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  // Whole flows (sign-in, mail, second step, console) on 2 cores shared by the server, two browsers and two
  // workers: some take 30 s when the machine is busy. A test's own waits still fail fast on a wrong page.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL,
    locale: "zh-CN",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } }],
  webServer: process.env.E2E_BASE_URL
    ? undefined
    : {
        // The compiled server, as `npm start` runs it; compiling it takes a fraction of a second, so it is always fresh.
        command: "node scripts/build-server.mjs && node dist/e2e-server.js",
        url: `${baseURL}/api/health`,
        timeout: 120_000,
        reuseExistingServer: false,
        stdout: "pipe",
        env: {
          PORT: port,
          APP_URL: baseURL,
          AUTH_SECRET: process.env.E2E_AUTH_SECRET,
          E2E_DB_FILE: process.env.E2E_DB_FILE,
          // Sinks in the runner's main process (e2e/support/global-sinks.ts) take every email and SMS.
          SMTP_URL: `smtp://127.0.0.1:${process.env.E2E_SMTP_PORT}`,
          SMS_WEBHOOK_URL: `http://127.0.0.1:${process.env.E2E_SMS_PORT}/sms`,
          // Every browser here shares one IP: the per-IP limits are covered by vitest, not by every e2e request.
          IP_AUTH_POST_PER_MINUTE: "100000",
          IP_FAILED_SIGNIN_LIMIT: "100000",
        },
      },
});
