// The results table, printed and kept in BENCHMARKS.md under its own heading (other sections are left alone).
import fs from "node:fs";
import os from "node:os";
import type { Row } from "./types";

export const BENCHMARKS_FILE = "BENCHMARKS.md";
const TITLE = "# Benchmarks";
const HEADING = "## Sign-in capacity, enumeration timing, page load (`npm run bench`)";

export type RunInfo = {
  startedAt: Date;
  command: string;
  loadAverage: number[];
  elapsedS: number;
};

function cell(text: string): string {
  return text.replace(/\|/g, "\\|");
}

export function markdownTable(rows: Row[]): string {
  const met = (row: Row) => (row.met === null ? "—" : row.met ? "yes" : "**no**");
  return [
    "| Metric | Value | Target | Met? |",
    "| --- | --- | --- | --- |",
    ...rows.map((r) => `| ${cell(r.metric)} | ${cell(r.value)} | ${cell(r.target)} | ${met(r)} |`),
  ].join("\n");
}

function machine(): string {
  const cpu = os.cpus()[0]?.model.trim() ?? "unknown CPU";
  return `${os.availableParallelism()} cores (\`nproc\`), ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM, Node ${process.version}`;
}

export function renderSection(rows: Row[], notes: string[], info: RunInfo): string {
  const load = info.loadAverage.map((l) => l.toFixed(2)).join(" / ");
  return [
    HEADING,
    "",
    "The production build (`npm run build`, `dist/e2e-server.js` on a fresh seeded SQLite file, run as `npm start` runs",
    "it: one worker process per core under a primary, with the workers' memory flags — and",
    "`TRUST_PROXY=1` so that an attack can come from several addresses) under load from autocannon and sequential",
    "requests over loopback: argon2id capacity, successful sign-ins through `/api/auth/callback/credentials` (one",
    "account per connection, from a returning browser: its device cookie known to the account), the same with a fresh",
    "`GET /api/auth/csrf` before each POST (both requests count), sign-ins with password + authenticator-app code",
    "(the password, then the code with the cookies it set, from a closed-loop client: each account's app code is",
    "used once per 30-second step, so the accounts take turns), what reserving the failure slots before the",
    "hash costs a successful sign-in (timed in the bench process on the SQLite and Redis counter stores), the",
    "per-request floor without a hash, timing of wrong-password vs unknown-identifier refusals, an attack on a",
    "paused identifier as fast as it is answered (refused before any hash), a genuine user's sign-in latency while an",
    "open-loop attack sends 1 000 paused attempts/s from 50 addresses, paused real vs paused phantom timing,",
    "`GET /sign-in` (server CPU, and the bytes a first load transfers in Chromium), password-reset requests through",
    "the `/forgot-password` form (known vs unknown identifiers), `GET /account/security` and `GET /account/activity`",
    "for an account with 100 security events + 100 transactions beside one with 10 000 + 5 000 (does a page slow down",
    "as history grows?), the peak memory of every server process, and growth: a successful sign-in and a",
    "paused-identifier refusal on a database of 1 000 users and no audit rows beside one of 1 000 000 users and",
    "10 000 000 audit rows, on SQLite and on PostgreSQL (`TEST_DATABASE_URL`: fresh databases, dropped afterwards),",
    "and several instances: two instances of `dist/e2e-server.js` (one process each) on one fresh PostgreSQL",
    "database and one empty Redis database (`TEST_DATABASE_URL`, `TEST_REDIS_URL`) behind nginx with `TRUST_PROXY=1`,",
    "measured through nginx: sign-ins/s and paused-identifier attempts/s, how nginx split the answers between the",
    "instances, and each instance's peak memory. `npm run bench -- --only=growth` runs one scenario alone (a partial",
    "run prints its table, this file keeps whole runs).",
    "",
    `- Machine: ${machine()}`,
    `- Run: ${info.startedAt.toISOString()}, ${info.elapsedS.toFixed(0)} s in all, load average at start ${load}`,
    `- Command: \`${info.command}\``,
    "",
    markdownTable(rows),
    "",
    "Ratios and differences are measured side by side in one run on a shared, noisy machine: the argon2id",
    "reference just before the load tests (server idle), the two refusal kinds and known vs unknown reset requests",
    "interleaved request by request, paused attempts/s against the sign-ins/s of the same run, the genuine user's",
    "sign-ins in alternating blocks with and without the attack (idle, attack, attack, idle, …), the sign-in gate's",
    "work with and without the reservation in alternating blocks, set against the server CPU per sign-in of the run.",
    "The load generator runs on the same cores as the server. Absolute numbers move between runs; compare ratios.",
    "On 2 cores the server's work besides the hash competes with the hashes themselves, so sign-ins/s ÷ verifies/s",
    "cannot exceed the argon2id share of the server's CPU per sign-in (the “Server CPU per sign-in” row); a sign-in",
    "with an app code takes two requests, so its share is lower. Likewise",
    "paused attempts/s ÷ sign-ins/s cannot exceed CPU per sign-in ÷ CPU per paused attempt (the “Ceiling” row), and a",
    "refusal inside authorize() costs about the framework's floor (Next.js routing, Auth.js CSRF and form parsing: the",
    "invalid_input row) whatever the app does after it.",
    "Growth runs two servers at once per engine, each on a database prepared before it starts (migrations and demo",
    "accounts by `dist/db-seed.js`, then the bulk rows generated inside the engine, the seconds it took in the",
    "“seeding” row), and alternates sequential requests small, large, large, small …; its bound, large ÷ small",
    "median ≤ 1.2×, holds when every query of both paths is an indexed lookup or insert (one or two more B-tree",
    "pages from 1 000 to 1 000 000 rows: microseconds); a scan or a count over the audit log would cost far more.",
    "The two instances share this machine's 2 cores with nginx, PostgreSQL, Redis and the load generator, where in",
    "production each would have machines of its own: their sign-ins/s ÷ verifies/s is set against the same argon2id",
    "reference, and beside the single SQLite instance of the same run.",
    ...(notes.length ? ["", ...notes.map((n) => `- ${n}`)] : []),
    "",
  ].join("\n");
}

/** Replaces (or appends) this benchmark's section in BENCHMARKS.md, keeping every other section. */
export function writeBenchmarks(section: string, file = BENCHMARKS_FILE): void {
  const existing = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : `${TITLE}\n\n`;
  const lines = existing.split("\n");
  const start = lines.findIndex((line) => line.trim() === HEADING);
  let next: string;
  if (start === -1) {
    next = `${existing.replace(/\s*$/, "")}\n\n${section}`;
  } else {
    const rest = lines.slice(start + 1).findIndex((line) => /^#{1,2} /.test(line));
    const end = rest === -1 ? lines.length : start + 1 + rest;
    next = [...lines.slice(0, start), section.replace(/\n$/, ""), "", ...lines.slice(end)].join("\n");
  }
  fs.writeFileSync(file, `${next.replace(/\s*$/, "")}\n`);
}
