// GET /sign-in: the server-rendered page (proxy.ts CSP nonce, next-intl, no database).
import { describeCpu, describeFailures, runLoad } from "../load";
import { fixed } from "../stats";
import type { BenchContext, Scenario, ScenarioResult } from "../types";

const CONNECTIONS = 10;
const DURATION_S = 10;
const WARM_UP_REQUESTS = 20;

async function warmUp(baseUrl: string): Promise<void> {
  for (let i = 0; i < WARM_UP_REQUESTS; i++) {
    const response = await fetch(`${baseUrl}/sign-in`, { signal: AbortSignal.timeout(10_000) });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`warm-up GET /sign-in → ${response.status}`);
  }
}

async function run(context: BenchContext): Promise<ScenarioResult> {
  await warmUp(context.baseUrl);
  context.log(`sign-in page: ${CONNECTIONS} connections for ${DURATION_S} s …`);
  const result = await runLoad({
    baseUrl: context.baseUrl,
    serverPid: context.serverPid,
    path: "/sign-in",
    connections: CONNECTIONS,
    duration: DURATION_S,
    isSuccess: (status) => status === 200,
  });
  const others = result.failureCount + result.transportErrors;
  const total = result.successes + others;
  return {
    rows: [
      { metric: `GET /sign-in requests/s (${CONNECTIONS} conn, ${DURATION_S} s)`, value: `${fixed(result.successPerSecond)}/s`, target: "—", met: null },
      { metric: "GET /sign-in latency p50 / p99", value: `${fixed(result.p50, 0)} / ${fixed(result.p99, 0)} ms`, target: "—", met: null },
      { metric: "GET /sign-in responses other than 200", value: `${others} of ${total}`, target: "0", met: others === 0 },
    ],
    notes: [describeCpu("Sign-in page load", result), ...(others ? [describeFailures("Sign-in page load", result)] : [])],
    problems: result.successes <= total / 2 ? [describeFailures("sign-in page: most responses were not 200", result)] : [],
  };
}

export const signInPage: Scenario = { name: "sign-in page", run };
