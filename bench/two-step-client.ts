// A sign-in with password + authenticator-app code as a browser without JavaScript makes it: two form POSTs.
import { generate } from "otplib";
import { cookieHeader, isSignedIn, signInForm, CREDENTIALS_PATH, TWO_STEP_PATH, type CsrfPair } from "./http-client";

const PERIOD_S = 30;

/** A bench account with an authenticator app, and the last time step whose code it sent. */
export type AppAccount = { email: string; secret: string; lastStep: number };

/** How one two-step sign-in went: `outcome` is "signed-in" or what answered instead, for the failure breakdown. */
export type TwoStepResult = { outcome: string; ms: number };

const stepAt = (ms: number) => Math.floor(ms / 1000 / PERIOD_S);

/**
 * The code an app would show for the next unused step, or null when the account has none left for now. Only the
 * current step and the next are used (a code sent just before a step ends is still accepted as the previous one),
 * and each step once per account, as the server accepts them.
 */
export async function nextCode(account: AppAccount, now = Date.now()): Promise<string | null> {
  const step = Math.max(account.lastStep + 1, stepAt(now));
  if (step > stepAt(now) + 1) return null;
  account.lastStep = step;
  return generate({ secret: account.secret, epoch: step * PERIOD_S });
}

async function post(baseUrl: string, path: string, cookie: string, body: string): Promise<Response> {
  const response = await fetch(`${baseUrl}${path}`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie },
    body,
    redirect: "manual",
    signal: AbortSignal.timeout(10_000),
  });
  await response.arrayBuffer();
  return response;
}

const describe = (response: Response, step: string) => `${step}: ${response.status} → ${response.headers.get("location") ?? "(no Location)"}`;

/** Password, then the app's code with the cookies the first answer set; signed in only on 302 → /account. */
export async function signInWithApp(baseUrl: string, csrf: CsrfPair, account: AppAccount, password: string): Promise<TwoStepResult> {
  const started = performance.now();
  const elapsed = () => performance.now() - started;
  const first = await post(baseUrl, CREDENTIALS_PATH, csrf.cookie, signInForm(account.email, password, csrf));
  const cookie = cookieHeader(first.headers.getSetCookie(), csrf.cookie);
  if (first.status !== 302 || !cookie.includes("session-token")) return { outcome: `${describe(first, "password")} (no session cookie)`, ms: elapsed() };
  const code = await nextCode(account);
  if (!code) throw new Error(`${account.email} has no unused app code left: the bench needs more accounts`);
  const second = await post(baseUrl, TWO_STEP_PATH, cookie, new URLSearchParams({ method: "totp", code, csrfToken: csrf.token, callbackUrl: "/account" }).toString());
  const location = second.headers.get("location") ?? undefined;
  return { outcome: isSignedIn(second.status, location) ? "signed-in" : describe(second, "app code"), ms: elapsed() };
}
