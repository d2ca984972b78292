// Enumeration by timing while paused: a paused real account vs a paused phantom identifier (phantom
// identifiers pause alike), interleaved request by request.
import { fetchCsrf, isInvalidCredentials, isPausedRefusal, signInForm, timedSignIn, PAUSED_IDENTIFIER, type CsrfPair } from "../http-client";
import { fixed, median, percent, percentile } from "../stats";
import type { BenchContext, Scenario, ScenarioResult } from "../types";

const PHANTOM = "ghost-bench@qianneng.test";
const PAUSE_AFTER = 5;
const MAX_PAIRS = 150;
const BUDGET_MS = 5000;
const WARM_UP_PAIRS = 4;
/** The same bound as the wrong-password vs unknown-identifier comparison: a share of one argon2id verify. */
const TARGET_SHARE = 0.2;
const WRONG_PASSWORD = "Wrong-password-2026";

type Samples = { real: number[]; phantom: number[]; answers: Map<string, number> };

/** PAUSE_AFTER wrong passwords on an identifier no account has: the last one must pause it, like a real one. */
async function pausePhantom(context: BenchContext, csrf: CsrfPair): Promise<void> {
  for (let i = 1; i <= PAUSE_AFTER; i++) {
    const { status, location } = await timedSignIn(context.baseUrl, signInForm(PHANTOM, WRONG_PASSWORD, csrf), csrf);
    const expected = i < PAUSE_AFTER ? isInvalidCredentials(status, location) : isPausedRefusal(status, location);
    if (!expected) throw new Error(`wrong password ${i} of ${PAUSE_AFTER} on ${PHANTOM}: ${status} → ${location ?? "(no Location)"}`);
  }
}

/** Pairs in ABBA order so drift hits both alike; every answer is recorded to check they are identical. */
async function collect(context: BenchContext, csrf: CsrfPair, pairs: number, deadline: number): Promise<Samples> {
  const samples: Samples = { real: [], phantom: [], answers: new Map() };
  for (let i = 0; i < pairs && performance.now() < deadline; i++) {
    const order = i % 2 === 0 ? [PAUSED_IDENTIFIER, PHANTOM] : [PHANTOM, PAUSED_IDENTIFIER];
    for (const identifier of order) {
      const response = await timedSignIn(context.baseUrl, signInForm(identifier, WRONG_PASSWORD, csrf), csrf);
      (identifier === PHANTOM ? samples.phantom : samples.real).push(response.ms);
      const answer = `${response.status} → ${response.location ?? "(no Location)"}`;
      samples.answers.set(answer, (samples.answers.get(answer) ?? 0) + 1);
    }
  }
  return samples;
}

async function run(context: BenchContext): Promise<ScenarioResult> {
  const csrf = await fetchCsrf(context.baseUrl);
  await pausePhantom(context, csrf);
  await collect(context, csrf, WARM_UP_PAIRS, performance.now() + 5000);
  context.log(`paused real vs phantom: up to ${MAX_PAIRS} interleaved pairs, ${BUDGET_MS / 1000} s at most …`);
  const samples = await collect(context, csrf, MAX_PAIRS, performance.now() + BUDGET_MS);
  const total = samples.real.length + samples.phantom.length;
  const answers = [...samples.answers.entries()].sort((a, b) => b[1] - a[1]);
  const paused = answers.filter(([answer]) => answer.includes("code=sign_in_paused")).reduce((a, [, n]) => a + n, 0);
  const same = answers[0]?.[0].includes("code=sign_in_paused") ? answers[0][1] : 0;
  const identical = same === total;
  const delta = median(samples.phantom) - median(samples.real);
  const verifyMs = context.argon2.singleVerifyMs;
  const limit = TARGET_SHARE * verifyMs;
  const stats = (xs: number[]) => `${fixed(median(xs), 2)} / ${fixed(percentile(xs, 95), 2)} ms (n=${xs.length})`;
  return {
    rows: [
      { metric: `Paused real account (${PAUSED_IDENTIFIER}) p50 / p95`, value: stats(samples.real), target: "—", met: null },
      { metric: `Paused phantom identifier (${PHANTOM}, after ${PAUSE_AFTER} wrong passwords) p50 / p95`, value: stats(samples.phantom), target: "—", met: null },
      {
        metric: "Δ median, paused phantom − paused real",
        value: `${delta >= 0 ? "+" : ""}${fixed(delta, 2)} ms (${percent(Math.abs(delta) / verifyMs)} of one verify)`,
        target: `|Δ| ≤ ${percent(TARGET_SHARE)} of one verify (${fixed(limit)} ms)`,
        met: Math.abs(delta) <= limit,
      },
      { metric: "Paused refusals identical (one status and Location, code=sign_in_paused)", value: `${same} of ${total}`, target: "all", met: identical },
    ],
    notes: identical ? [] : [`Paused real vs phantom: answers differ — ${answers.map(([a, n]) => `${n}× ${a}`).join("; ")}`],
    problems: paused <= total / 2 ? [`paused real vs phantom: only ${paused} of ${total} answers were paused refusals`] : [],
  };
}

export const pausedPhantomTiming: Scenario = { name: "paused real vs phantom timing", run };
