// A genuine user's sign-in latency with the server idle and while a credential-stuffing attack runs at a fixed rate
// (open loop: 1 000 attempts/s on a paused identifier from 50 addresses, not slowing down when the server does),
// in alternating blocks (idle, attack, attack, idle, …) so drift on a noisy machine hits both alike.
import { monitorEventLoopDelay } from "node:perf_hooks";
import { sleep } from "../child-process";
import { fetchCsrf, formHeaders, isPausedRefusal, isSignedIn, signInForm, timedSignIn, CREDENTIALS_PATH, DEMO_IDENTIFIER, DEMO_PASSWORD, PAUSED_IDENTIFIER, type CsrfPair } from "../http-client";
import { startOpenLoop, type OpenLoopResult } from "../open-loop";
import { fixed, median, percentile } from "../stats";
import type { BenchContext, Scenario, ScenarioResult } from "../types";
import { warmUpPaused, WRONG_PASSWORD } from "./paused-attack";

/** The attack: attempts per second, and the client addresses they come from. */
const ATTACK_RATE = 1000;
const ATTACK_ADDRESSES = Array.from({ length: 50 }, (_, i) => `198.51.100.${i + 1}`);

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

type Samples = { idle: number[]; attack: number[]; refused: string[]; attacks: OpenLoopResult[]; clientLagP99: number[] };

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
  const attack = startOpenLoop({
    baseUrl: context.baseUrl,
    serverPid: context.serverPid,
    path: CREDENTIALS_PATH,
    headers: formHeaders(csrf),
    body: signInForm(PAUSED_IDENTIFIER, WRONG_PASSWORD, csrf),
    rate: ATTACK_RATE,
    addresses: ATTACK_ADDRESSES,
    isExpected: isPausedRefusal,
  });
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

function attackSummary(attacks: OpenLoopResult[]) {
  const seconds = attacks.reduce((a, r) => a + r.seconds, 0);
  const sent = attacks.reduce((a, r) => a + r.sent, 0);
  const paused = attacks.reduce((a, r) => a + r.expected, 0);
  const others = new Map<string, number>();
  for (const r of attacks) for (const [key, n] of r.others) others.set(key, (others.get(key) ?? 0) + n);
  const cpuMs = attacks.reduce((a, r) => a + r.cpu.serverMs, 0);
  return { sentPerSecond: sent / seconds, pausedPerSecond: paused / seconds, sent, paused, others, unanswered: attacks.reduce((a, r) => a + r.unanswered, 0), cpuMsPerAttempt: cpuMs / sent };
}

async function run(context: BenchContext): Promise<ScenarioResult> {
  const csrf = await fetchCsrf(context.baseUrl);
  await warmUpPaused(context, csrf);
  await signIns(context, csrf, [], emptySamples(), WARM_UP_SIGN_INS);
  const samples = emptySamples();
  context.log(`sign-in under attack: ${ROUNDS} rounds of ${PER_BLOCK} sign-ins idle and ${PER_BLOCK} under ${ATTACK_RATE} attempts/s …`);
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
  if (attack.paused <= attack.sent / 2) problems.push(`sign-in under attack: only ${attack.paused} of ${attack.sent} attack attempts were answered as paused`);
  const notes = [
    `Sign-in under attack: the attack sent ${fixed(attack.sentPerSecond)} attempts/s from ${ATTACK_ADDRESSES.length} addresses (X-Forwarded-For; the bench server trusts one proxy hop) and ${fixed(attack.pausedPerSecond)}/s were answered as paused ` +
      `(${attack.paused} of ${attack.sent}; ${attack.unanswered} unanswered when a block ended); server CPU ${fixed(attack.cpuMsPerAttempt, 2)} ms per attempt. ` +
      `The attack runs in this process, beside the timed client: p99 event-loop delay per attack block ${samples.clientLagP99.map((ms) => fixed(ms)).join(" / ")} ms.`,
  ];
  if (samples.refused.length) notes.push(`Sign-in under attack: ${samples.refused.length} genuine sign-ins refused, e.g. ${samples.refused.slice(0, 3).join("; ")}`);
  if (attack.others.size) notes.push(`Sign-in under attack: attack answers other than paused: ${[...attack.others].slice(0, 4).map(([k, n]) => `${n}× ${k}`).join("; ")}`);
  return {
    rows: [
      { metric: `Genuine sign-in (${DEMO_IDENTIFIER}, sequential), server idle p50 / p95`, value: stats(samples.idle), target: "—", met: null },
      { metric: `Genuine sign-in during a fixed-rate attack (${ATTACK_RATE} paused attempts/s, ${ATTACK_ADDRESSES.length} addresses, open loop) p50 / p95`, value: stats(samples.attack), target: "—", met: null },
      { metric: "Genuine sign-in p95 under attack ÷ idle p95", value: `${fixed(ratio, 2)}×`, target: `≤ ${TARGET_RATIO}×`, met: ratio <= TARGET_RATIO },
      { metric: "Genuine sign-ins other than 302 → /account (idle and under attack)", value: `${samples.refused.length} of ${total}`, target: "0", met: samples.refused.length === 0 },
    ],
    notes,
    problems,
  };
}

export const signInUnderAttack: Scenario = { name: "sign-in under attack", run };
