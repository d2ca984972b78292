// Two portal instances behind nginx (TRUST_PROXY=1), sharing one PostgreSQL database and one Redis, as an
// operator runs several machines. Requests are pinned to one instance with a test-only header the test nginx
// config reads (e2e/support/nginx.ts), and every answer names the instance that gave it.
import { expect, request as playwrightRequest, test, type APIRequestContext, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { createAccount, type TestAccount } from "./support/accounts";
import { CLIENT_HEADER, PIN_HEADER, startNginx, UPSTREAM_HEADER, type Nginx } from "./support/nginx";
import { isCi, missingForInstances, openSharedServices, type SharedServices } from "./support/shared-services";
import { startSwitchableSmtpSink, type SwitchableSmtpSink } from "./support/smtp-sink";
import { freePort, spawnServer, type SpawnedServer } from "./support/spawn-server";
import { fillSignIn, formMessage, setNewPasswordFromLink } from "./helpers";

const SECRET = "instances-spec-secret-0123456789abcdefghij";
const NEW_PASSWORD = "Lantern-Orbit-7-Quay!";
type Instance = "a" | "b";

let services: SharedServices | undefined;
let smtp: SwitchableSmtpSink | undefined;
let nginx: Nginx | undefined;
const instances: Partial<Record<Instance, SpawnedServer>> = {};

// One topology for the file, its tests in order: the last one kills an instance.
test.describe.configure({ mode: "default" });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  const missing = await missingForInstances();
  if (missing && isCi()) throw new Error(`${missing}: on CI the two-instance suite must run, not be skipped`);
  test.skip(missing !== null, `two instances need PostgreSQL, Redis and nginx: ${missing}`);

  services = await openSharedServices();
  smtp = await startSwitchableSmtpSink();
  const nginxPort = await freePort();
  const env = {
    AUTH_SECRET: SECRET,
    APP_URL: `http://localhost:${nginxPort}`,
    E2E_DATABASE_URL: services.databaseUrl,
    REDIS_URL: services.redisUrl,
    SMTP_URL: smtp.url,
    TRUST_PROXY: "1",
    // Every request here comes from one address: the per-IP limits are covered by vitest.
    IP_AUTH_POST_PER_MINUTE: "100000",
    IP_FAILED_SIGNIN_LIMIT: "100000",
  };
  // A migrates and seeds the empty database; B starts on what A prepared.
  instances.a = await spawnServer(env);
  instances.b = await spawnServer({ ...env, E2E_KEEP_DB: "1" });
  nginx = await startNginx({ a: instances.a.port, b: instances.b.port }, nginxPort);
});

test.afterAll(async () => {
  await nginx?.stop();
  await Promise.all([instances.a?.stop(), instances.b?.stop()]);
  await smtp?.stop();
  await services?.dispose();
});

const addressOf = (instance: Instance) => `127.0.0.1:${instances[instance]!.port}`;

/** The instance that answered (nginx lists every one it tried; the last gave the answer). */
function answeredBy(response: { headers: () => Record<string, string> } | null): string | undefined {
  return response?.headers()[UPSTREAM_HEADER]?.split(",").pop()?.trim();
}

async function browserOn(browser: Browser, instance: Instance | null, headers: Record<string, string> = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: nginx!.url, locale: "zh-CN", extraHTTPHeaders: { ...headers, ...(instance ? { [PIN_HEADER]: instance } : {}) } });
  return { context, page: await context.newPage() };
}

async function pin(context: BrowserContext, instance: Instance | null) {
  await context.setExtraHTTPHeaders(instance ? { [PIN_HEADER]: instance } : {});
}

async function signInWithForm(page: Page, account: TestAccount, password = account.password) {
  await page.goto("/sign-in");
  const form = await fillSignIn(page, account.email, password);
  await form.locator('button[type="submit"]').click();
}

async function apiOn(instance: Instance | null): Promise<APIRequestContext> {
  return playwrightRequest.newContext({ baseURL: nginx!.url, extraHTTPHeaders: instance ? { [PIN_HEADER]: instance } : {} });
}

/** One credentials POST; returns where it redirects (a `code=` names a refusal) and which instance answered. */
async function postSignIn(instance: Instance | null, identifier: string, password: string) {
  const api = await apiOn(instance);
  try {
    const { csrfToken } = await (await api.get("/api/auth/csrf")).json();
    const response = await api.post("/api/auth/callback/credentials", { form: { identifier, password, csrfToken }, maxRedirects: 0 });
    expect(response.status()).toBe(302);
    return { location: response.headers().location ?? "", by: answeredBy(response) };
  } finally {
    await api.dispose();
  }
}

async function requestReset(page: Page, account: TestAccount) {
  await page.goto("/forgot-password");
  await page.getByLabel("邮箱或手机号").fill(account.email);
  await page.getByRole("button", { name: "发送重置链接或验证码" }).click();
  await expect(page.locator("#forgot-message")).toContainText("如果有账户与该邮箱匹配");
}

async function resetLinkFor(account: TestAccount): Promise<string> {
  const mail = await smtp!.waitFor((m) => m.to === account.email && m.subject.includes("重置"), 30_000);
  return /https?:\/\/\S+\/reset-password\?\S+/.exec(mail.text)![0];
}

const emailRows = () => services!.db.selectFrom("outbox").select(["id", "recipient", "status", "attempts", "claim_token", "next_attempt_at"]).where("channel", "=", "email").execute();

test("[user] a session made on one instance works on the other, and signing out on the other ends it on both; the address is the one nginx saw", async ({ browser }) => {
  const account = await createAccount({ db: services!.db });
  // A browser that forges its address: nginx appends the one it sees, and only that last entry is believed.
  // When Chromium reaches nginx on ::1 (nginx reaches the instance on 127.0.0.1), this also fails without TRUST_PROXY.
  const { context, page } = await browserOn(browser, "a", { "x-forwarded-for": "203.0.113.9" });
  await signInWithForm(page, account);
  await expect(page).toHaveURL(/\/account$/);
  const onA = await page.goto("/account");
  expect(answeredBy(onA)).toBe(addressOf("a"));
  const seenByNginx = onA!.headers()[CLIENT_HEADER];
  expect(seenByNginx).toMatch(/^(127\.0\.0\.1|::1)$/);
  expect(await services!.db.selectFrom("sessions").select("ip").where("user_id", "=", account.id).execute()).toEqual([{ ip: seenByNginx }]);
  const signedIn = await context.cookies();

  await pin(context, "b");
  const onB = await page.goto("/account");
  expect(answeredBy(onB)).toBe(addressOf("b"));
  await expect(page).toHaveURL(/\/account$/);
  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page).toHaveURL(/\/sign-in/);

  // The cookie from before the sign-out, replayed on A: its session row is gone for every instance.
  const { context: replay, page: replayPage } = await browserOn(browser, "a");
  await replay.addCookies(signedIn);
  expect(answeredBy(await replayPage.goto("/account"))).toBe(addressOf("a"));
  await expect(replayPage).toHaveURL(/\/sign-in/);
  await Promise.all([context.close(), replay.close()]);
});

test("[locked-out] a pause reached across both instances holds on both, is kept in the shared Redis, and its notice is sent once", async () => {
  const account = await createAccount({ db: services!.db });
  const order: Instance[] = ["a", "b", "a", "b", "a"];
  for (const [i, instance] of order.entries()) {
    const { location, by } = await postSignIn(instance, account.email, `wrong-${i}`);
    expect(by).toBe(addressOf(instance));
    expect(location).toContain("code=");
  }
  for (const instance of ["a", "b"] as const) {
    const { location, by } = await postSignIn(instance, account.email, account.password);
    expect(by).toBe(addressOf(instance));
    expect(location).toContain("code=sign_in_paused");
  }
  const pausedUntil = Number(await services!.redis.hget(`qn:fail:account:${account.id}`, "p"));
  expect(pausedUntil).toBeGreaterThan(Date.now());

  const notice = await smtp!.waitFor((m) => m.to === account.email, 30_000);
  expect(notice.text).toMatch(/\/unlock\?token=/);
  await expect.poll(async () => (await emailRows()).filter((r) => r.recipient === account.email).map((r) => r.status)).toEqual(["sent"]);
  expect(smtp!.messages.filter((m) => m.to === account.email)).toHaveLength(1);
});

test("[user] a reset link requested on one instance works on the other", async ({ browser }) => {
  const account = await createAccount({ db: services!.db });
  const { context, page } = await browserOn(browser, "a");
  await requestReset(page, account);
  const link = await resetLinkFor(account);
  expect(new URL(link).origin).toBe(nginx!.url);

  await pin(context, "b");
  expect(answeredBy(await page.goto(link))).toBe(addressOf("b"));
  await setNewPasswordFromLink(page, NEW_PASSWORD);

  await pin(context, "a");
  await signInWithForm(page, account);
  await expect(formMessage(page)).toContainText("账号或密码不正确");
  await signInWithForm(page, account, NEW_PASSWORD);
  await expect(page).toHaveURL(/\/account$/);
  await context.close();
});

test("[locked-out] both instances' outbox workers deliver a burst queued on both, each message once", async () => {
  const accounts = await Promise.all(Array.from({ length: 6 }, () => createAccount({ db: services!.db })));
  const answered = new Set<string | undefined>();
  // Unpinned: nginx spreads the failures (and so the pause notices they queue) over both instances.
  await Promise.all(
    accounts.map(async (account) => {
      for (let i = 0; i < 5; i++) answered.add((await postSignIn(null, account.email, `wrong-${i}`)).by);
    }),
  );
  expect([...answered].sort()).toEqual([addressOf("a"), addressOf("b")].sort());

  const recipients = accounts.map((a) => a.email);
  const rowsOfBurst = async () => (await emailRows()).filter((r) => recipients.includes(r.recipient));
  await expect.poll(async () => (await rowsOfBurst()).map((r) => r.status), { timeout: 30_000 }).toEqual(recipients.map(() => "sent"));
  // Every row is settled: nothing is left that could send a notice again.
  for (const email of recipients) expect(smtp!.messages.filter((m) => m.to === email), email).toHaveLength(1);
});

test("[user] one instance killed mid-run loses nothing: requests go on through the other, a message it queued is delivered once, sessions still work", async ({ browser }) => {
  const account = await createAccount({ db: services!.db });
  const { context, page } = await browserOn(browser, "a");
  await signInWithForm(page, account);
  await expect(page).toHaveURL(/\/account$/);
  // Earlier mail (a new-device alert …) is delivered first: from here on, one message is in the outbox.
  await expect.poll(async () => (await emailRows()).filter((r) => r.status === "pending").length).toBe(0);

  // Mail is down: A queues the reset link, a worker tries it once and schedules the next try seconds later.
  await smtp!.down();
  await requestReset(page, account);
  await expect
    .poll(async () => (await emailRows()).some((r) => r.recipient === account.email && r.attempts > 0 && r.claim_token === null && r.next_attempt_at > Date.now() + 1_000))
    .toBe(true);

  // Unpinned traffic runs through nginx while A is killed, and after (negative: answered before the kill).
  const statuses: number[] = [];
  let killedAt = Infinity;
  let running = true;
  const traffic = (async () => {
    while (running) {
      // A request nginx could not answer at all counts as status 0.
      const status = await fetch(`${nginx!.url}/api/health`).then((r) => r.status, () => 0);
      statuses.push(Date.now() > killedAt ? status : -status);
    }
  })();
  await expect.poll(() => statuses.length).toBeGreaterThan(5);
  await instances.a!.kill();
  killedAt = Date.now();
  await expect.poll(() => statuses.filter((s) => s > 0).length).toBeGreaterThan(20);
  running = false;
  await traffic;
  expect(statuses.map(Math.abs).filter((s) => s !== 200)).toEqual([]);

  // The session made on A goes on through B.
  await pin(context, null);
  expect(answeredBy(await page.goto("/account"))).toBe(addressOf("b"));
  await expect(page).toHaveURL(/\/account$/);

  // Mail is back: B's worker sends what A queued, once, and its link works on B.
  await smtp!.up();
  const link = await resetLinkFor(account);
  await expect.poll(async () => (await emailRows()).filter((r) => r.status !== "sent"), { timeout: 30_000 }).toEqual([]);
  expect(smtp!.messages.filter((m) => m.to === account.email)).toHaveLength(1);
  await page.context().clearCookies();
  await page.goto(link);
  await expect(page.getByRole("button", { name: "继续设置新密码" })).toBeVisible();

  // Over the whole run: every email row was sent, each exactly once.
  const sentIds = (await emailRows()).map((r) => r.id).sort();
  const receivedIds = smtp!.messages.map((m) => /^<([^@]+)@/.exec(m.messageId ?? "")?.[1]).sort();
  expect(receivedIds).toEqual(sentIds);
  await context.close();
});
