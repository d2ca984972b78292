// The framework's floor under a sign-in: a credentials POST refused before any hash or query (invalid_input).
// Next.js routing, proxy.ts, Auth.js CSRF check and form parsing, without argon2id or the database.
import { fetchCsrf, formHeaders, signInForm, CREDENTIALS_PATH } from "../http-client";
import { describeFailures, runLoad } from "../load";
import { fixed } from "../stats";
import type { BenchContext, Scenario, ScenarioResult } from "../types";

const CONNECTIONS = 4;
const DURATION_S = 5;

const isInvalidInput = (status: number, location: string | undefined) => status === 302 && Boolean(location?.includes("code=invalid_input"));

async function run(context: BenchContext): Promise<ScenarioResult> {
  const csrf = await fetchCsrf(context.baseUrl);
  context.log(`auth overhead: ${CONNECTIONS} connections for ${DURATION_S} s …`);
  const result = await runLoad({
    baseUrl: context.baseUrl,
    serverPid: context.serverPid,
    path: CREDENTIALS_PATH,
    method: "POST",
    headers: formHeaders(csrf),
    body: signInForm("not an identifier", "x", csrf),
    connections: CONNECTIONS,
    duration: DURATION_S,
    isSuccess: isInvalidInput,
  });
  const total = result.successes + result.failureCount + result.transportErrors;
  if (result.successes > 0) context.measured.serverCpuMsFloor = result.cpu.serverMs / result.successes;
  return {
    rows: [
      {
        metric: "Server CPU per credentials POST refused before any hash (invalid_input)",
        value: `${fixed(result.cpu.serverMs / result.successes, 2)} ms (${fixed(result.successPerSecond, 0)}/s)`,
        target: "—",
        met: null,
      },
    ],
    notes: result.successes < total ? [describeFailures("Auth overhead", result)] : [],
    problems: result.successes <= total / 2 ? [describeFailures("auth overhead: most responses were not invalid_input", result)] : [],
  };
}

export const authOverhead: Scenario = { name: "auth overhead", run };
