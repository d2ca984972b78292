// Successful sign-ins per second with password + authenticator-app code, against the argon2id ceiling and the
// password-only sign-ins of the same run.
import { addAuthenticatorApps, insertAccounts, openServerDb } from "../bench-accounts";
import { runClosedLoop } from "../closed-loop";
import { fetchCsrf, CREDENTIALS_PATH, TWO_STEP_PATH, type CsrfPair } from "../http-client";
import { describeCpu, describeFailures } from "../load";
import { fixed, percent } from "../stats";
import { signInWithApp, type AppAccount } from "../two-step-client";
import type { BenchContext, Scenario, ScenarioResult } from "../types";

const CONNECTIONS = 8;
const DURATION_S = 10;
const WARM_UP_ROUNDS = 2;
/**
 * An app code is accepted once per 30-second step and only near the current one, so each account signs in about
 * twice per step: the accounts are taken in turn, far more of them than sign-ins fit in the run.
 */
const ACCOUNTS = 1000;
const accountId = (i: number) => `bench-app-${i}@qianneng.test`;
const PASSWORD = "Bench-app-2026";
const SIGNED_IN = "signed-in";

async function createAccounts(context: BenchContext): Promise<AppAccount[]> {
  const emails = Array.from({ length: ACCOUNTS }, (_, i) => accountId(i));
  const db = await openServerDb(context.dbFile);
  try {
    await insertAccounts(db, emails, PASSWORD);
    const secrets = await addAuthenticatorApps(db, emails);
    return emails.map((email) => ({ email, secret: secrets.get(email)!, lastStep: 0 }));
  } finally {
    await db.destroy();
  }
}

/** The least recently used account, put back at the end: no account is in two sign-ins at once. */
function takeTurns(accounts: AppAccount[]): () => AppAccount {
  return () => {
    const account = accounts.shift()!;
    accounts.push(account);
    return account;
  };
}

async function warmUp(context: BenchContext, csrf: CsrfPair, next: () => AppAccount): Promise<void> {
  for (let i = 0; i < WARM_UP_ROUNDS * CONNECTIONS; i++) {
    const { outcome } = await signInWithApp(context.baseUrl, csrf, next(), PASSWORD);
    if (outcome !== SIGNED_IN) throw new Error(`warm-up two-step sign-in refused: ${outcome}`);
  }
}

async function run(context: BenchContext): Promise<ScenarioResult> {
  const next = takeTurns(await createAccounts(context));
  const csrf = await fetchCsrf(context.baseUrl);
  await warmUp(context, csrf, next);
  context.log(`two-step sign-in: ${CONNECTIONS} connections for ${DURATION_S} s …`);
  const result = await runClosedLoop({
    serverPid: context.serverPid,
    connections: CONNECTIONS,
    duration: DURATION_S,
    attempt: () => signInWithApp(context.baseUrl, csrf, next(), PASSWORD),
    success: SIGNED_IN,
  });
  const ratio = result.successPerSecond / context.argon2.verifiesPerSecond;
  const passwordOnly = context.measured.signInsPerSecond;
  const cpuPerSignIn = result.cpu.serverMs / result.successes;
  const others = result.failureCount;
  const total = result.successes + others;
  const failures = { ...result, transportErrors: 0 };
  const problems = result.successes <= total / 2 ? [describeFailures("two-step sign-in load: most attempts were not successful sign-ins", failures)] : [];
  return {
    rows: [
      {
        metric: `Successful password + authenticator-app sign-ins/s (POST ${CREDENTIALS_PATH}, then ${TWO_STEP_PATH}; ${CONNECTIONS} conn, ${ACCOUNTS} accounts in turn, ${DURATION_S} s)`,
        value: `${fixed(result.successPerSecond)}/s`,
        target: "—",
        met: null,
      },
      { metric: "Password + authenticator-app sign-ins/s ÷ argon2id verifies/s", value: percent(ratio), target: "—", met: null },
      {
        metric: "Password + authenticator-app sign-ins/s ÷ password-only sign-ins/s (same run)",
        value: passwordOnly ? percent(result.successPerSecond / passwordOnly) : "n/a (no password-only sign-ins measured)",
        target: "—",
        met: null,
      },
      { metric: "Password + authenticator-app sign-in latency (both requests) p50 / p99", value: `${fixed(result.p50, 0)} / ${fixed(result.p99, 0)} ms`, target: "—", met: null },
      {
        metric: "Server CPU per password + authenticator-app sign-in (argon2id verify share)",
        value: `${fixed(cpuPerSignIn)} ms (${percent((context.argon2.cpuMsPerVerify * result.successes) / result.cpu.serverMs)})`,
        target: "—",
        met: null,
      },
      { metric: "Password + authenticator-app sign-ins other than 302 → /account", value: `${others} of ${total}`, target: "0", met: others === 0 },
    ],
    notes: [describeCpu("Password + authenticator-app sign-in load", result), ...(others ? [describeFailures("Password + authenticator-app sign-in load", failures)] : [])],
    problems,
  };
}

export const twoStepThroughput: Scenario = { name: "two-step sign-in throughput", run };
