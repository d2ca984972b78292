// A genuine user's sign-in latency with the server idle and while the paused-identifier attack runs,
// in alternating blocks (idle, attack, attack, idle, …) so drift on a noisy machine hits both alike.
import { monitorEventLoopDelay } from "node:perf_hooks";
import { sleep } from "../child-process";
import { fetchCsrf, isSignedIn, signInForm, timedSignIn, DEMO_IDENTIFIER, DEMO_PASSWORD, type CsrfPair } from "../http-client";
import { describeFailures, startLoad, type LoadResult } from "../load";
import { fixed, median, percentile } from "../stats";
import type { BenchContext, Scenario, ScenarioResult } from "../types";
import { pausedAttackLoad, warmUpPaused, ATTACK_CONNECTIONS } from "./paused-attack";

const ROUNDS = 4;
const PER_BLOCK = 12;
const WARM_UP_SIGN_INS = 4;
/** Attack connections open and the server's queue full before the first timed sign-in. */
const RAMP_MS = 700;
/** After stopping the attack: autocannon stops at its next tick, the server drains what it had read. */
const SETTLE_MS = 700;
const BLOCK_BUDGET_MS = 5000;
/** Sampling interval of the bench process's event-loop delay histogram (its values include the interval). */
const LAG_RESOLUTION_MS = 10;
/** Target: p95 under attack ≤ 1.5 × p95 idle. */
const TARGET_RATIO = 1.5;

type Samples = { idle: number[]; attack: number[]; refused: string[]; attacks: LoadResult[]; clientLagP99: number[] };

const emptySamples = (): Samples => ({ idle: [], attack: [], refused: [], attacks: [], clientLagP99: [] });

async function signIns(context: BenchContext, csrf: CsrfPair, into: number[], samples: Samples, count = PER_BLOCK): Promise<void> {
  const body = signInForm(DEMO_IDENTIFIER, DEMO_PASSWORD, csrf);
  const deadline = performance.now() + BLOCK_BUDGET_MS;
  for (let i = 0; i < count && performance.now() < deadline; i++) {
    const response = await timedSignIn(context.baseUrl, body, csrf);
    if (!isSignedIn(response.status, response.location)) samples.refused.push(`${response.status} → ${response.location ?? "(no Location)"}`);
    into.push(response.ms);
  }
}

async function underAttack(context: BenchContext, csrf: CsrfPair, samples: Samples): Promise<void> {
  const attack = startLoad(pausedAttackLoad(context, csrf, 60));
  try {
    await sleep(RAMP_MS);
    // The attack runs in this process too: how late its event loop answered the timed client.
    const lag = monitorEventLoopDelay({ resolution: LAG_RESOLUTION_MS });
    lag.enable();
    await signIns(context, csrf, samples.attack, samples);
    lag.disable();
    samples.clientLagP99.push(lag.percentile(99) / 1e6 - LAG_RESOLUTION_MS);
  } finally {
    samples.attacks.push(await attack.stop());
  }
  await sleep(SETTLE_MS);
}

function attackSummary(attacks: LoadResult[]): { perSecond: number; paused: number; total: number; worst?: LoadResult } {
  const seconds = attacks.reduce((a, r) => a + r.raw.duration, 0);
  const paused = attacks.reduce((a, r) => a + r.successes, 0);
  const total = attacks.reduce((a, r) => a + r.successes + r.failureCount + r.transportErrors, 0);
  const worst = attacks.find((r) => r.failureCount + r.transportErrors > 0);
  return { perSecond: paused / seconds, paused, total, worst };
}

async function run(context: BenchContext): Promise<ScenarioResult> {
  const csrf = await fetchCsrf(context.baseUrl);
  await warmUpPaused(context, csrf);
  await signIns(context, csrf, [], emptySamples(), WARM_UP_SIGN_INS);
  const samples = emptySamples();
  context.log(`sign-in under attack: ${ROUNDS} rounds of ${PER_BLOCK} sign-ins idle and ${PER_BLOCK} under ${ATTACK_CONNECTIONS} attack connections …`);
  for (let round = 0; round < ROUNDS; round++) {
    const order = round % 2 === 0 ? ["idle", "attack"] : ["attack", "idle"];
    for (const block of order) {
      if (block === "idle") await signIns(context, csrf, samples.idle, samples);
      else await underAttack(context, csrf, samples);
    }
  }
  const idleP95 = percentile(samples.idle, 95);
  const attackP95 = percentile(samples.attack, 95);
  const ratio = attackP95 / idleP95;
  const attack = attackSummary(samples.attacks);
  const total = samples.idle.length + samples.attack.length;
  const stats = (xs: number[]) => `${fixed(median(xs))} / ${fixed(percentile(xs, 95))} ms (n=${xs.length})`;
  const problems: string[] = [];
  if (samples.refused.length > total / 2) problems.push(`sign-in under attack: ${samples.refused.length} of ${total} genuine sign-ins refused, e.g. ${samples.refused[0]}`);
  if (attack.paused <= attack.total / 2) problems.push(`sign-in under attack: only ${attack.paused} of ${attack.total} attack responses were paused refusals`);
  const notes = [
    `Sign-in under attack: the attack answered ${fixed(attack.perSecond)} paused refusals/s during its blocks (${attack.paused} of ${attack.total} responses paused); ` +
      `autocannon shares this process's event loop with the timed client: p99 event-loop delay per attack block ${samples.clientLagP99.map((ms) => fixed(ms)).join(" / ")} ms.`,
  ];
  if (samples.refused.length) notes.push(`Sign-in under attack: ${samples.refused.length} genuine sign-ins refused, e.g. ${samples.refused.slice(0, 3).join("; ")}`);
  if (attack.worst) notes.push(describeFailures("Sign-in under attack, attack block", attack.worst));
  return {
    rows: [
      { metric: `Genuine sign-in (${DEMO_IDENTIFIER}, sequential), server idle p50 / p95`, value: stats(samples.idle), target: "—", met: null },
      { metric: `Genuine sign-in during the paused-identifier attack (${ATTACK_CONNECTIONS} conn) p50 / p95`, value: stats(samples.attack), target: "—", met: null },
      { metric: "Genuine sign-in p95 under attack ÷ idle p95", value: `${fixed(ratio, 2)}×`, target: `≤ ${TARGET_RATIO}×`, met: ratio <= TARGET_RATIO },
      { metric: "Genuine sign-ins other than 302 → /account (idle and under attack)", value: `${samples.refused.length} of ${total}`, target: "0", met: samples.refused.length === 0 },
    ],
    notes,
    problems,
  };
}

export const signInUnderAttack: Scenario = { name: "sign-in under attack", run };
