// Successful sign-ins per second through the real endpoint, against the argon2id ceiling.
import { randomBytes } from "node:crypto";
import { DEVICE_COOKIE } from "../../lib/server/devices/device-cookie";
import { insertServerAccounts } from "../bench-accounts";
import { type CsrfPair, fetchCsrf, formHeaders, isSignedIn, signInForm, timedSignIn, CREDENTIALS_PATH } from "../http-client";
import { describeCpu, describeFailures, runLoad } from "../load";
import { fixed, percent } from "../stats";
import type { BenchContext, Scenario, ScenarioResult } from "../types";

const CONNECTIONS = 8;
const DURATION_S = 10;
const WARM_UP_ROUNDS = 2;
const TARGET_RATIO = 0.9;
/**
 * One account per connection: every sign-in holds a failure slot on its account until its password is checked,
 * so the fifth in flight on one account starts a pause and the next ones are refused (code=sign_in_paused).
 */
const accountId = (i: number) => `bench-signin-${i}@qianneng.test`;
const PASSWORD = "Bench-signin-2026";

function createAccounts(context: BenchContext): Promise<void> {
  return insertServerAccounts(context.dbFile, Array.from({ length: CONNECTIONS }, (_, i) => accountId(i)), PASSWORD);
}

export async function warmUp(context: BenchContext, bodies: string[], csrf: Awaited<ReturnType<typeof fetchCsrf>>): Promise<void> {
  for (const body of Array.from({ length: WARM_UP_ROUNDS }, () => bodies).flat()) {
    const response = await timedSignIn(context.baseUrl, body, csrf);
    if (!isSignedIn(response.status, response.location)) {
      throw new Error(`warm-up sign-in refused: ${response.status} → ${response.location ?? "(no Location)"}`);
    }
  }
}

/**
 * The browser the sign-ins come from, as its device cookie: the warm-up signs each account in from it once, so the
 * measured sign-ins are those of a returning browser (a new one also costs the owner's "new device" email).
 */
export const withDeviceCookie = (csrf: CsrfPair): CsrfPair => ({ ...csrf, cookie: `${csrf.cookie}; ${DEVICE_COOKIE}=${randomBytes(32).toString("base64url")}` });

async function run(context: BenchContext): Promise<ScenarioResult> {
  await createAccounts(context);
  const csrf = withDeviceCookie(await fetchCsrf(context.baseUrl));
  const bodies = Array.from({ length: CONNECTIONS }, (_, i) => signInForm(accountId(i), PASSWORD, csrf));
  await warmUp(context, bodies, csrf);
  context.log(`sign-in: ${CONNECTIONS} connections for ${DURATION_S} s …`);
  const result = await runLoad({
    baseUrl: context.baseUrl,
    serverPid: context.serverPid,
    path: CREDENTIALS_PATH,
    method: "POST",
    headers: formHeaders(csrf),
    bodies,
    connections: CONNECTIONS,
    duration: DURATION_S,
    isSuccess: isSignedIn,
  });
  const ratio = result.successPerSecond / context.argon2.verifiesPerSecond;
  if (result.successes > 0) {
    context.measured.signInsPerSecond = result.successPerSecond;
    context.measured.serverCpuMsPerSignIn = result.cpu.serverMs / result.successes;
  }
  const others = result.failureCount + result.transportErrors;
  const total = result.successes + others;
  const problems = result.successes <= total / 2 ? [describeFailures("sign-in load: most requests were not successful sign-ins", result)] : [];
  return {
    rows: [
      { metric: `Successful sign-ins/s (POST ${CREDENTIALS_PATH}, ${CONNECTIONS} conn, one account each, a returning browser, ${DURATION_S} s)`, value: `${fixed(result.successPerSecond)}/s`, target: "—", met: null },
      { metric: "Sign-in latency p50 / p99", value: `${fixed(result.p50, 0)} / ${fixed(result.p99, 0)} ms`, target: "—", met: null },
      { metric: "Sign-ins/s ÷ argon2id verifies/s", value: percent(ratio), target: `≥ ${percent(TARGET_RATIO)}`, met: ratio >= TARGET_RATIO },
      {
        metric: "Server CPU per sign-in (argon2id verify share)",
        value: `${fixed(result.cpu.serverMs / result.successes)} ms (${percent((context.argon2.cpuMsPerVerify * result.successes) / result.cpu.serverMs)})`,
        target: "—",
        met: null,
      },
      { metric: "Sign-in responses other than 302 → /account", value: `${others} of ${total}`, target: "0", met: others === 0 },
    ],
    notes: [describeCpu("Sign-in load", result), ...(others ? [describeFailures("Sign-in load", result)] : [])],
    problems,
  };
}

export const signInThroughput: Scenario = { name: "sign-in throughput", run };
