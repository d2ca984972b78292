// Password-reset requests through the /forgot-password form, posted as a browser without JavaScript posts it:
// known vs unknown identifiers interleaved, which must be indistinguishable.
import fs from "node:fs";
import { insertAccounts, openServerDb } from "../bench-accounts";
import { fixed, median, percent, percentile } from "../stats";
import type { BenchContext, Row, Scenario, ScenarioResult } from "../types";

/** 5 reset requests an hour per identifier (lib/server/reset/request-password-reset.ts): one request each. */
const ACCOUNTS = 600;
const knownId = (i: number) => `bench-reset-${i}@qianneng.test`;
const ghostId = (i: number) => `ghost-reset-${i}@qianneng.test`;
const WARM_UP_PAIRS = 4;
const LOAD = { connections: 4, ms: 6000, maxPairs: ACCOUNTS };
const TIMING = { connections: 1, ms: 8000, maxPairs: 150 };
/** |Δ median| may be at most this share of the known median, or floorMs when that is larger. */
const TARGET = { share: 0.1, floorMs: 2 };
const SENT = (JSON.parse(fs.readFileSync("messages/zh-CN.json", "utf8")) as { forgotPassword: { sentEmail: string } }).forgotPassword.sentEmail;

type Field = [name: string, value: string];
type Samples = { known: number[]; unknown: number[]; seconds: number };
/** Next request index (pair = index >> 1 picks the identifiers), requests of each kind posted, every answer. */
type Counter = { next: number; known: number; unknown: number; answers: Map<string, number> };

const decode = (s: string) => s.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
const attr = (tag: string, name: string) => decode(new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1] ?? "");

/**
 * The hidden fields of the form with the identifier input. A useActionState form renders $ACTION_REF_n,
 * $ACTION_n:0 (action id, bound state), $ACTION_n:1 and $ACTION_KEY — the page's $ACTION_ID_ field belongs to
 * the language switcher. Next runs the action only for multipart/form-data (urlencoded just renders the page).
 */
async function formFields(baseUrl: string): Promise<Field[]> {
  const response = await fetch(`${baseUrl}/forgot-password`, { signal: AbortSignal.timeout(10_000) });
  const html = await response.text();
  const form = [...html.matchAll(/<form\b[\s\S]*?<\/form>/g)].map((m) => m[0]).find((f) => /<input\b[^>]*\sname="identifier"/.test(f));
  if (response.status !== 200 || !form) throw new Error(`GET /forgot-password → ${response.status}, no form with an identifier input`);
  const fields = [...form.matchAll(/<input\b[^>]*type="hidden"[^>]*>/g)].map((m): Field => [attr(m[0], "name"), attr(m[0], "value")]);
  if (!fields.some(([name]) => name.startsWith("$ACTION_"))) throw new Error("the forgot-password form has no $ACTION_ field");
  return fields;
}

/** Checks the text shown in the form's message region — not the translations the page ships in its RSC payload. */
async function post(baseUrl: string, fields: Field[], identifier: string): Promise<{ ms: number; answer: string }> {
  const body = new FormData();
  for (const [name, value] of [...fields, ["identifier", identifier]]) body.append(name, value);
  const started = performance.now();
  try {
    const headers = { origin: baseUrl, accept: "text/html" };
    const response = await fetch(`${baseUrl}/forgot-password`, { method: "POST", headers, body, redirect: "manual", signal: AbortSignal.timeout(15_000) });
    const region = /<div id="forgot-message"[^>]*>(?:<div[^>]*>([^<]*)<\/div>)?<\/div>/.exec(await response.text());
    const [ms, shown] = [performance.now() - started, region ? decode(region[1] ?? "") : undefined];
    if (response.status === 200 && shown === SENT) return { ms, answer: "sent" };
    return { ms, answer: `${response.status}, message: ${shown === undefined ? "(no message region)" : shown.slice(0, 40) || "(empty)"}` };
  } catch (error) {
    return { ms: Number.NaN, answer: `error: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** `connections` clients take requests in ABBA order (known, unknown, unknown, known, …), a fresh identifier each. */
async function collect(context: BenchContext, fields: Field[], counter: Counter, spec: typeof LOAD): Promise<Samples> {
  const samples: Samples = { known: [], unknown: [], seconds: 0 };
  const [started, first] = [performance.now(), counter.next];
  const client = async () => {
    while (performance.now() < started + spec.ms && counter.next - first < 2 * spec.maxPairs && counter.next < 2 * ACCOUNTS) {
      const [i, pair] = [counter.next, counter.next >> 1];
      counter.next++;
      const known = (pair + i) % 2 === 0;
      counter[known ? "known" : "unknown"]++;
      const { ms, answer } = await post(context.baseUrl, fields, known ? knownId(pair) : ghostId(pair));
      counter.answers.set(answer, (counter.answers.get(answer) ?? 0) + 1);
      if (answer === "sent") (known ? samples.known : samples.unknown).push(ms);
    }
  };
  await Promise.all(Array.from({ length: spec.connections }, client));
  samples.seconds = (performance.now() - started) / 1000;
  return samples;
}

type Db = Awaited<ReturnType<typeof openServerDb>>;

/** Outbox rows for the known identifiers (reset_link, distinct recipients) and for the unknown ones (any kind). */
async function mailRows(db: Db) {
  const count = (like: string) => db.selectFrom("outbox").select([(e) => e.fn.countAll<number>().as("rows"), (e) => e.fn.count<number>("recipient").distinct().as("recipients")]).where("recipient", "like", like);
  const known = await count("bench-reset-%").where("kind", "=", "reset_link").executeTakeFirstOrThrow();
  const ghost = await count("ghost-reset-%").executeTakeFirstOrThrow();
  return { known: Number(known.rows), knownRecipients: Number(known.recipients), ghost: Number(ghost.rows) };
}

function deltaRow(label: string, samples: Samples): Row {
  const [known, delta] = [median(samples.known), median(samples.unknown) - median(samples.known)];
  const limit = Math.max(TARGET.share * known, TARGET.floorMs);
  return {
    metric: `Δ median, unknown − known (${label})`,
    value: `${delta >= 0 ? "+" : ""}${fixed(delta, 2)} ms (${percent(Math.abs(delta) / known)} of the known median)`,
    target: `|Δ| ≤ ${percent(TARGET.share)} of the known median or ${TARGET.floorMs} ms, the larger (${fixed(limit, 2)} ms)`,
    met: Math.abs(delta) <= limit,
  };
}

async function measure(context: BenchContext, db: Db): Promise<ScenarioResult> {
  await insertAccounts(db, Array.from({ length: ACCOUNTS }, (_, i) => knownId(i)), "Bench-reset-2026");
  const fields = await formFields(context.baseUrl);
  const counter: Counter = { next: 0, known: 0, unknown: 0, answers: new Map() };
  await collect(context, fields, counter, { ...TIMING, maxPairs: WARM_UP_PAIRS });
  context.log(`reset requests: ${LOAD.connections} conn mixed for ${LOAD.ms / 1000} s, then up to ${TIMING.maxPairs} sequential pairs in ${TIMING.ms / 1000} s …`);
  const load = await collect(context, fields, counter, LOAD);
  const timing = await collect(context, fields, counter, TIMING);
  const mail = await mailRows(db);
  const [total, sent] = [counter.known + counter.unknown, counter.answers.get("sent") ?? 0];
  const others = [...counter.answers].filter(([a]) => a !== "sent").map(([a, n]) => `${n}× ${a}`);
  const stats = (xs: number[]) => `${fixed(median(xs), 2)} / ${fixed(percentile(xs, 95), 2)} ms (n=${xs.length})`;
  const info = (metric: string, value: string): Row => ({ metric, value, target: "—", met: null });
  const perSecond = (xs: number[]) => `${fixed(xs.length / load.seconds)}/s`;
  const rows: Row[] = [
    info(`Reset requests/s known / unknown (POST /forgot-password, no-JS form, 50/50 mix, ${LOAD.connections} conn, ${LOAD.ms / 1000} s)`, `${perSecond(load.known)} / ${perSecond(load.unknown)}`),
    info("Reset latency under that load, known (bench-reset-N) p50 / p95", stats(load.known)),
    info("Reset latency under that load, unknown (ghost-reset-N) p50 / p95", stats(load.unknown)),
    deltaRow(`${LOAD.connections} conn`, load),
    info("Reset request alone (sequential, interleaved), known p50 / p95", stats(timing.known)),
    info("Reset request alone (sequential, interleaved), unknown p50 / p95", stats(timing.unknown)),
    deltaRow("sequential", timing),
    { metric: "Reset answers identical (200, the sentEmail message shown; warm-up included)", value: `${sent} of ${total}`, target: "all", met: sent === total },
    { metric: "reset_link mails enqueued: known identifiers / unknown identifiers (all requests, warm-up included)", target: "one per known request / 0",
      value: `${mail.known} (${mail.knownRecipients} recipients) of ${counter.known} / ${mail.ghost} of ${counter.unknown}`,
      met: mail.known === counter.known && mail.knownRecipients === counter.known && mail.ghost === 0 },
  ];
  return {
    rows,
    notes: others.length ? [`Reset requests: answers other than "sent" — ${others.join("; ")}`] : [],
    problems: sent <= total / 2 ? [`reset request timing: only ${sent} of ${total} answers showed the sentEmail message (${others.slice(0, 3).join("; ")})`] : [],
  };
}

async function run(context: BenchContext): Promise<ScenarioResult> {
  const db = await openServerDb(context.dbFile);
  try {
    return await measure(context, db);
  } finally {
    await db.destroy();
  }
}

export const resetRequestTiming: Scenario = { name: "reset request timing", run };
