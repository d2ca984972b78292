// Account enumeration by timing: a wrong password on a real account vs an unknown identifier, interleaved.
import { fetchCsrf, isInvalidCredentials, isSignedIn, signInForm, timedSignIn, DEMO_IDENTIFIER, DEMO_PASSWORD, type CsrfPair } from "../http-client";
import { fixed, median, percent, percentile } from "../stats";
import type { BenchContext, Row, Scenario, ScenarioResult } from "../types";

const MAX_PAIRS = 200;
const BUDGET_MS = 12_000;
const WARM_UP_PAIRS = 4;
/** The medians may differ by at most this share of one argon2id verify. */
const TARGET_SHARE = 0.2;
const WRONG_PASSWORD = "Wrong-password-2026";
/**
 * Sign-in is paused after 5 consecutive failures, and a paused identifier is refused before
 * any hash. A successful sign-in clears the count, so one is made (untimed) after every RESET_EVERY wrong
 * passwords: the demo account stays on the same path as a fresh unknown identifier (hash, count, refuse).
 */
const RESET_EVERY = 2;

/** Latencies of each kind; refusals that were not invalid_credentials; reset sign-ins that failed. */
type Samples = { wrong: number[]; unknown: number[]; unexpected: string[]; resetFailures: string[] };

async function attempt(context: BenchContext, csrf: CsrfPair, identifier: string, into: number[], samples: Samples) {
  const response = await timedSignIn(context.baseUrl, signInForm(identifier, WRONG_PASSWORD, csrf), csrf);
  if (!isInvalidCredentials(response.status, response.location)) {
    samples.unexpected.push(`${identifier}: ${response.status} → ${response.location ?? "(no Location)"}`);
  }
  into.push(response.ms);
}

async function clearFailures(context: BenchContext, csrf: CsrfPair, samples: Samples): Promise<void> {
  const response = await timedSignIn(context.baseUrl, signInForm(DEMO_IDENTIFIER, DEMO_PASSWORD, csrf), csrf);
  if (!isSignedIn(response.status, response.location)) {
    samples.resetFailures.push(`${response.status} → ${response.location ?? "(no Location)"}`);
  }
}

/** Pairs in ABBA order (wrong, unknown, unknown, wrong, …) so drift on a noisy machine hits both alike. */
async function collect(context: BenchContext, csrf: CsrfPair, pairs: number, deadline: number): Promise<Samples> {
  const samples: Samples = { wrong: [], unknown: [], unexpected: [], resetFailures: [] };
  for (let i = 0; i < pairs && performance.now() < deadline; i++) {
    const ghost = `ghost-${i}-${Date.now().toString(36)}@qianneng.test`;
    const wrongFirst = i % 2 === 0;
    const order = wrongFirst ? [DEMO_IDENTIFIER, ghost] : [ghost, DEMO_IDENTIFIER];
    for (const identifier of order) {
      await attempt(context, csrf, identifier, identifier === ghost ? samples.unknown : samples.wrong, samples);
    }
    if ((i + 1) % RESET_EVERY === 0) await clearFailures(context, csrf, samples);
  }
  return samples;
}

function rows(samples: Samples, verifyMs: number): Row[] {
  const delta = median(samples.unknown) - median(samples.wrong);
  const limit = TARGET_SHARE * verifyMs;
  const total = samples.wrong.length + samples.unknown.length;
  const stats = (xs: number[]) => `${fixed(median(xs))} / ${fixed(percentile(xs, 95))} ms (n=${xs.length})`;
  return [
    { metric: "Wrong password (demo account) p50 / p95", value: stats(samples.wrong), target: "—", met: null },
    { metric: "Unknown identifier (ghost-N) p50 / p95", value: stats(samples.unknown), target: "—", met: null },
    {
      metric: "Δ median, unknown − wrong password",
      value: `${delta >= 0 ? "+" : ""}${fixed(delta)} ms (${percent(Math.abs(delta) / verifyMs)} of one verify)`,
      target: `|Δ| ≤ ${percent(TARGET_SHARE)} of one verify (${fixed(limit)} ms)`,
      met: Math.abs(delta) <= limit,
    },
    { metric: "Refusals identical (302 → code=invalid_credentials)", value: `${total - samples.unexpected.length} of ${total}`, target: "all", met: samples.unexpected.length === 0 },
  ];
}

async function run(context: BenchContext): Promise<ScenarioResult> {
  const csrf = await fetchCsrf(context.baseUrl);
  await collect(context, csrf, WARM_UP_PAIRS, performance.now() + 5000); // primes the dummy hash and both paths
  context.log(`enumeration: up to ${MAX_PAIRS} interleaved pairs, ${BUDGET_MS / 1000} s at most …`);
  const samples = await collect(context, csrf, MAX_PAIRS, performance.now() + BUDGET_MS);
  const total = samples.wrong.length + samples.unknown.length;
  const unexpected = samples.unexpected.length;
  const notes: string[] = [];
  if (unexpected) notes.push(`Enumeration: ${unexpected} unexpected refusals, e.g. ${samples.unexpected.slice(0, 3).join("; ")}`);
  if (samples.resetFailures.length) notes.push(`Enumeration: ${samples.resetFailures.length} counter-reset sign-ins failed, e.g. ${samples.resetFailures[0]}`);
  return {
    rows: rows(samples, context.argon2.singleVerifyMs),
    notes,
    problems: unexpected > total / 2 ? [`enumeration timing: ${unexpected} of ${total} refusals were not invalid_credentials`] : [],
  };
}

export const enumerationTiming: Scenario = { name: "enumeration timing", run };
