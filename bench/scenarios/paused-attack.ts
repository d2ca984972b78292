// Credential stuffing against a paused identifier: every attempt is refused before any hash,
// so the server should answer far more of them per second than it completes sign-ins.
import { fetchCsrf, formHeaders, isPausedRefusal, signInForm, timedSignIn, CREDENTIALS_PATH, PAUSED_IDENTIFIER, type CsrfPair } from "../http-client";
import { describeCpu, describeFailures, runLoad, type LoadSpec } from "../load";
import { BENCH_IP_LIMITS } from "../server-process";
import { fixed, percent } from "../stats";
import type { BenchContext, Scenario, ScenarioResult } from "../types";

export const ATTACK_CONNECTIONS = 10;
const DURATION_S = 10;
const WARM_UP_REQUESTS = 20;
/** Target: attempts on a paused identifier per second ≥ 100 × successful sign-ins per second. */
const TARGET_RATIO = 100;
export const WRONG_PASSWORD = "Stuffed-password-2026";

/** The attack as a load spec: one CSRF pair, the paused identifier, a wrong password, as fast as it goes. */
export function pausedAttackLoad(context: BenchContext, csrf: CsrfPair, duration: number): LoadSpec {
  return {
    baseUrl: context.baseUrl,
    serverPid: context.serverPid,
    path: CREDENTIALS_PATH,
    method: "POST",
    headers: formHeaders(csrf),
    body: signInForm(PAUSED_IDENTIFIER, WRONG_PASSWORD, csrf),
    connections: ATTACK_CONNECTIONS,
    duration,
    isSuccess: isPausedRefusal,
  };
}

/** Sequential attempts first: code paged in, and a clear message if the seed's pause is not in place. */
export async function warmUpPaused(context: BenchContext, csrf: CsrfPair): Promise<void> {
  for (let i = 0; i < WARM_UP_REQUESTS; i++) {
    const response = await timedSignIn(context.baseUrl, signInForm(PAUSED_IDENTIFIER, WRONG_PASSWORD, csrf), csrf);
    if (!isPausedRefusal(response.status, response.location)) {
      throw new Error(`${PAUSED_IDENTIFIER} is not answered as paused: ${response.status} → ${response.location ?? "(no Location)"}`);
    }
  }
}

async function run(context: BenchContext): Promise<ScenarioResult> {
  const csrf = await fetchCsrf(context.baseUrl);
  await warmUpPaused(context, csrf);
  context.log(`paused-identifier attack: ${ATTACK_CONNECTIONS} connections for ${DURATION_S} s …`);
  const result = await runLoad(pausedAttackLoad(context, csrf, DURATION_S));
  const others = result.failureCount + result.transportErrors;
  const total = result.successes + others;
  const cpuPerAttempt = result.cpu.serverMs / result.successes;
  const { signInsPerSecond, serverCpuMsPerSignIn, serverCpuMsFloor } = context.measured;
  const mainThread = result.cpu.serverMs / (result.raw.duration * 1000);
  const ratio = signInsPerSecond ? result.successPerSecond / signInsPerSecond : Number.NaN;
  const ceiling = serverCpuMsPerSignIn ? serverCpuMsPerSignIn / cpuPerAttempt : Number.NaN;
  const problems: string[] = [];
  if (result.successes <= total / 2) problems.push(describeFailures("paused attack: most responses were not 302 → code=sign_in_paused", result));
  if (!signInsPerSecond) problems.push("paused attack: no successful sign-in rate from the sign-in throughput scenario to compare with");
  const limits = Object.entries(BENCH_IP_LIMITS).map(([name, value]) => `${name}=${value}`).join(", ");
  return {
    rows: [
      { metric: `Paused-identifier attempts/s (${PAUSED_IDENTIFIER}, wrong password, ${ATTACK_CONNECTIONS} conn, ${DURATION_S} s)`, value: `${fixed(result.successPerSecond)}/s`, target: "—", met: null },
      { metric: "Paused attempt latency p50 / p99", value: `${fixed(result.p50, 0)} / ${fixed(result.p99, 0)} ms`, target: "—", met: null },
      {
        metric: "Server CPU per paused attempt (floor: invalid_input refusal; successful sign-in)",
        value: `${fixed(cpuPerAttempt, 2)} ms (floor ${fixed(serverCpuMsFloor ?? Number.NaN, 2)} ms; sign-in ${fixed(serverCpuMsPerSignIn ?? Number.NaN)} ms)`,
        target: "—",
        met: null,
      },
      { metric: "Paused attempts/s ÷ successful sign-ins/s (same run)", value: `${fixed(ratio)}×`, target: `≥ ${TARGET_RATIO}×`, met: ratio >= TARGET_RATIO },
      { metric: "Ceiling of that ratio on CPU alone (CPU per sign-in ÷ CPU per paused attempt)", value: `${fixed(ceiling)}×`, target: "—", met: null },
      { metric: "Attack responses other than 302 → code=sign_in_paused", value: `${others} of ${total}`, target: "0", met: others === 0 },
    ],
    notes: [
      describeCpu("Paused-identifier attack", result) +
        ` The server used ${percent(mainThread)} of one core (all its processes together): each process answers requests on its main thread, so refusals spread over the cores only as the processes share them, and autocannon takes its share of the same cores.`,
      `Paused-identifier attack: the bench server runs with ${limits} (bench/server-process.ts); every response was classified, so a per-IP refusal (code=rate_limited / ip_throttled) would count against the attack row above, not as a paused attempt.`,
      ...(others ? [describeFailures("Paused-identifier attack", result)] : []),
    ],
    problems,
  };
}

export const pausedIdentifierAttack: Scenario = { name: "paused-identifier attack", run };
