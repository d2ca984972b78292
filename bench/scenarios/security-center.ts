// Does a page slow down as history grows? GET /account/security and GET /account/activity for an account with
// 100 events + 100 transactions and one with 10 000 events + 5 000 transactions, request by request in ABBA order.
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database, TransactionKind } from "../../lib/db/schema";
import { insertAccounts, openServerDb } from "../bench-accounts";
import { cookieHeader, fetchCsrf, formHeaders, isSignedIn, signInForm, CREDENTIALS_PATH } from "../http-client";
import { fixed, median, percentile } from "../stats";
import type { BenchContext, Row, Scenario, ScenarioResult } from "../types";

const PASSWORD = "Bench#Security-2026";
const PAGES = ["/account/security", "/account/activity"];
const SIZES = { small: { events: 100, transactions: 100 }, large: { events: 10_000, transactions: 5_000 } };
const PAIRS = 40;
const WARM_UP = 4;
const BUDGET_MS = 12_000;
/** "Must not slow down as history grows": the large account's median within 1.5× the small one's. */
const TARGET_RATIO = 1.5;
const BATCH = 500;
const DAY = 86_400_000;
const EVENT_TYPES = ["sign_in_succeeded", "sign_in_failed", "signed_out", "password_changed", "sign_in_paused", "unlocked"];
const KINDS: TransactionKind[] = ["payment", "payment", "payment", "transfer_in", "transfer_out", "refund", "top_up", "withdrawal"];
const UA = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36";

type Account = { name: keyof typeof SIZES; email: string; cookie: string };

/** History written straight into the server's file: events over the last 89 days, transactions over ~3 years. */
async function addHistory(db: Kysely<Database>, userId: string, size: { events: number; transactions: number }, now: number): Promise<void> {
  const events = Array.from({ length: size.events }, (_, i) => ({
    type: EVENT_TYPES[i % EVENT_TYPES.length], user_id: userId, identifier_hash: null, ip: `203.0.113.${i % 250}`, user_agent: UA, detail: null,
    created_at: now - Math.floor(((i + 1) * 89 * DAY) / size.events),
  }));
  const transactions = Array.from({ length: size.transactions }, (_, i) => {
    const kind = KINDS[i % KINDS.length];
    const out = kind === "payment" || kind === "transfer_out" || kind === "withdrawal";
    return { id: randomUUID(), user_id: userId, kind, amount_cents: (out ? -1 : 1) * (100 + (i % 5000)), currency: "CNY", counterparty: "基准商户", occurred_at: now - Math.floor(((i + 1) * 1000 * DAY) / size.transactions) };
  });
  for (let i = 0; i < events.length; i += BATCH) await db.insertInto("security_events").values(events.slice(i, i + BATCH)).execute();
  for (let i = 0; i < transactions.length; i += BATCH) await db.insertInto("transactions").values(transactions.slice(i, i + BATCH)).execute();
}

async function signInAccount(context: BenchContext, email: string): Promise<string> {
  const csrf = await fetchCsrf(context.baseUrl);
  const response = await fetch(`${context.baseUrl}${CREDENTIALS_PATH}`, { method: "POST", headers: formHeaders(csrf), body: signInForm(email, PASSWORD, csrf), redirect: "manual", signal: AbortSignal.timeout(10_000) });
  await response.arrayBuffer();
  if (!isSignedIn(response.status, response.headers.get("location") ?? undefined)) throw new Error(`sign-in of ${email}: ${response.status} → ${response.headers.get("location")}`);
  return cookieHeader(response.headers.getSetCookie(), csrf.cookie);
}

async function timedGet(context: BenchContext, path: string, cookie: string): Promise<{ status: number; ms: number }> {
  const started = performance.now();
  const response = await fetch(`${context.baseUrl}${path}`, { headers: { cookie }, redirect: "manual", signal: AbortSignal.timeout(10_000) });
  await response.arrayBuffer();
  return { status: response.status, ms: performance.now() - started };
}

async function setUp(context: BenchContext): Promise<Account[]> {
  const db = await openServerDb(context.dbFile);
  const tag = randomUUID().slice(0, 8);
  const accounts = (Object.keys(SIZES) as (keyof typeof SIZES)[]).map((name) => ({ name, email: `bench-history-${name}-${tag}@qianneng.test`, cookie: "" }));
  const now = Date.now();
  try {
    await insertAccounts(db, accounts.map((a) => a.email), PASSWORD);
    const users = await db.selectFrom("users").select(["id", "email"]).where("email", "in", accounts.map((a) => a.email)).execute();
    for (const a of accounts) await addHistory(db, users.find((u) => u.email === a.email)!.id, SIZES[a.name], now);
  } finally {
    await db.destroy();
  }
  for (const a of accounts) a.cookie = await signInAccount(context, a.email);
  return accounts;
}

async function run(context: BenchContext): Promise<ScenarioResult> {
  context.log("security center: writing 100 + 100 and 10 000 + 5 000 rows of history …");
  const [small, large] = await setUp(context);
  const rows: Row[] = [];
  const problems: string[] = [];
  const stats = (xs: number[]) => `${fixed(median(xs), 1)} / ${fixed(percentile(xs, 95), 1)} ms (n=${xs.length})`;
  for (const path of PAGES) {
    context.log(`security center: GET ${path}, ${PAIRS} ABBA pairs …`);
    const samples = { small: [] as number[], large: [] as number[] };
    const wrong: string[] = [];
    const deadline = performance.now() + BUDGET_MS;
    for (let i = -WARM_UP; i < PAIRS && (i < 2 || performance.now() < deadline); i++) {
      for (const account of i % 2 === 0 ? [small, large] : [large, small]) {
        const { status, ms } = await timedGet(context, path, account.cookie);
        if (status !== 200) wrong.push(`${account.name}: ${status}`);
        if (i >= 0) samples[account.name].push(ms);
      }
    }
    if (wrong.length) problems.push(`security center: GET ${path} answered other than 200 ${wrong.length} times, e.g. ${wrong[0]}`);
    const ratio = median(samples.large) / median(samples.small);
    rows.push(
      { metric: `GET ${path}, 100 events + 100 transactions p50 / p95`, value: stats(samples.small), target: "—", met: null },
      { metric: `GET ${path}, 10 000 events + 5 000 transactions p50 / p95`, value: stats(samples.large), target: "—", met: null },
      { metric: `GET ${path}: median 10 000-row account ÷ 100-row account`, value: `${fixed(ratio, 2)}×`, target: `≤ ${TARGET_RATIO}×`, met: ratio <= TARGET_RATIO },
    );
  }
  const note =
    "Security center: sequential requests over loopback (server time plus ~1 ms of transport), the two accounts alternating request by request " +
    "(small, large, large, small, …) after a warm-up; each page renders whatever it shows at this commit.";
  return { rows, notes: [note], problems };
}

export const securityCenter: Scenario = { name: "security center", run };
