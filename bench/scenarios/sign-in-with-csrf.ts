// Successful sign-ins per second the way a client without a session signs in: GET /api/auth/csrf for a fresh
// CSRF pair, then POST /api/auth/callback/credentials with it — both requests count, against the argon2id ceiling.
import { randomBytes } from "node:crypto";
import { DEVICE_COOKIE } from "../../lib/server/devices/device-cookie";
import { insertServerAccounts } from "../bench-accounts";
import { runClosedLoop, type Attempt } from "../closed-loop";
import { cookieHeader, isSignedIn, signInForm, CREDENTIALS_PATH } from "../http-client";
import { describeCpu, describeFailures } from "../load";
import { fixed, percent } from "../stats";
import type { BenchContext, Scenario, ScenarioResult } from "../types";

const CONNECTIONS = 8;
const DURATION_S = 10;
const TARGET_RATIO = 0.9;
const SIGNED_IN = "signed-in";
const accountId = (i: number) => `bench-csrf-${i}@qianneng.test`;
const PASSWORD = "Bench-csrf-2026";

/**
 * One sign-in from connection `i`'s browser: it keeps only its device cookie (a returning browser, as in the
 * POST-only scenario), so every attempt gets a new CSRF pair.
 */
async function signInWithFreshPair(baseUrl: string, i: number, deviceCookie: string): Promise<Attempt> {
  const started = performance.now();
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`, { headers: { cookie: deviceCookie }, signal: AbortSignal.timeout(10_000) });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = cookieHeader(csrf.headers.getSetCookie(), deviceCookie);
  const response = await fetch(`${baseUrl}${CREDENTIALS_PATH}`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie },
    body: signInForm(accountId(i), PASSWORD, { token: csrfToken, cookie }),
    redirect: "manual",
    signal: AbortSignal.timeout(10_000),
  });
  await response.arrayBuffer();
  const location = response.headers.get("location") ?? undefined;
  const outcome = isSignedIn(response.status, location) ? SIGNED_IN : `${response.status} → ${location ?? "(no Location)"}`;
  return { outcome, ms: performance.now() - started };
}

async function run(context: BenchContext): Promise<ScenarioResult> {
  await insertServerAccounts(context.dbFile, Array.from({ length: CONNECTIONS }, (_, i) => accountId(i)), PASSWORD);
  const devices = Array.from({ length: CONNECTIONS }, () => `${DEVICE_COOKIE}=${randomBytes(32).toString("base64url")}`);
  for (let round = 0; round < 2; round++) {
    for (let i = 0; i < CONNECTIONS; i++) {
      const { outcome } = await signInWithFreshPair(context.baseUrl, i, devices[i]);
      if (outcome !== SIGNED_IN) throw new Error(`warm-up sign-in refused: ${outcome}`);
    }
  }
  context.log(`sign-in with a fresh CSRF pair each: ${CONNECTIONS} connections for ${DURATION_S} s …`);
  const result = await runClosedLoop({
    serverPid: context.serverPid,
    connections: CONNECTIONS,
    duration: DURATION_S,
    attempt: (i) => signInWithFreshPair(context.baseUrl, i, devices[i]),
    success: SIGNED_IN,
  });
  const ratio = result.successPerSecond / context.argon2.verifiesPerSecond;
  const total = result.successes + result.failureCount;
  const failures = { ...result, transportErrors: 0 };
  const problems = result.successes <= total / 2 ? [describeFailures("sign-in with CSRF: most attempts were not successful sign-ins", failures)] : [];
  return {
    rows: [
      {
        metric: `Successful sign-ins/s, each GET /api/auth/csrf + POST ${CREDENTIALS_PATH} (${CONNECTIONS} conn, one account each, a returning browser, ${DURATION_S} s)`,
        value: `${fixed(result.successPerSecond)}/s`,
        target: "—",
        met: null,
      },
      { metric: "Those sign-ins/s ÷ argon2id verifies/s", value: percent(ratio), target: `≥ ${percent(TARGET_RATIO)}`, met: ratio >= TARGET_RATIO },
      {
        metric: "Server CPU per sign-in, both requests (argon2id verify share)",
        value: `${fixed(result.cpu.serverMs / result.successes)} ms (${percent((context.argon2.cpuMsPerVerify * result.successes) / result.cpu.serverMs)})`,
        target: "—",
        met: null,
      },
      { metric: "Those sign-ins other than 302 → /account", value: `${result.failureCount} of ${total}`, target: "0", met: result.failureCount === 0 },
    ],
    notes: [describeCpu("Sign-in with a fresh CSRF pair each", result), ...(result.failureCount ? [describeFailures("Sign-in with a fresh CSRF pair each", failures)] : [])],
    problems,
  };
}

export const signInWithCsrf: Scenario = { name: "sign-in with csrf", run };
