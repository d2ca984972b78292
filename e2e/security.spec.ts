import { expect, test } from "@playwright/test";
import { DEMO, signIn } from "./helpers";
import { createAccount, e2eDb } from "./support/accounts";

test("[visitor] pages carry a nonce-based CSP and the baseline security headers", async ({ request }) => {
  const response = await request.get("/sign-in");
  expect(response.status()).toBe(200);
  const headers = response.headers();
  const csp = headers["content-security-policy"];
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["x-powered-by"]).toBeUndefined();

  // Every script Next renders carries this response's nonce, and the nonce changes per request.
  const nonce = /'nonce-([^']+)'/.exec(csp)![1];
  const html = await response.text();
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  const again = (await request.get("/sign-in")).headers()["content-security-policy"];
  expect(again).not.toBe(csp);
});

test("[user] the session cookie is HttpOnly and SameSite=Lax", async ({ page, context }) => {
  await signIn(page);
  const cookie = (await context.cookies()).find((c) => c.name.includes("authjs.session-token"));
  expect(cookie?.httpOnly).toBe(true);
  expect(cookie?.sameSite).toBe("Lax");
});

test("[attacker] a direct POST to the credentials callback without a CSRF token signs nobody in", async ({ request }) => {
  const response = await request.post("/api/auth/callback/credentials", {
    form: { identifier: DEMO.email, password: DEMO.password },
    maxRedirects: 0,
  });
  expect(response.status()).toBeLessThan(500);
  const setCookie = response.headersArray().filter((h) => h.name.toLowerCase() === "set-cookie").map((h) => h.value).join("\n");
  expect(setCookie).not.toContain("authjs.session-token");
  const account = await request.get("/account", { maxRedirects: 0 });
  expect(account.status()).toBe(307);
});

async function csrfToken(request: import("@playwright/test").APIRequestContext): Promise<string> {
  const body = await (await request.get("/api/auth/csrf")).json();
  return body.csrfToken;
}

test("[attacker] direct POSTs to the callback are held by the same rules as the form", async ({ request }) => {
  const wrong = await request.post("/api/auth/callback/credentials", {
    form: { identifier: DEMO.email, password: "wrong-password", csrfToken: await csrfToken(request) },
    maxRedirects: 0,
  });
  expect(wrong.status()).toBe(302);
  expect(wrong.headers()["location"]).toContain("code=invalid_credentials");

  const unknown = await request.post("/api/auth/callback/credentials", {
    form: { identifier: "ghost@qianneng.test", password: "wrong-password", csrfToken: await csrfToken(request) },
    maxRedirects: 0,
  });
  expect(unknown.status()).toBe(wrong.status());
  expect(unknown.headers()["location"]).toBe(wrong.headers()["location"]);

  const right = await request.post("/api/auth/callback/credentials", {
    form: { identifier: "138 0013 8000", password: DEMO.password, csrfToken: await csrfToken(request) },
    maxRedirects: 0,
  });
  expect(right.status()).toBe(302);
  const account = await request.get("/account");
  expect(account.url()).toMatch(/\/account$/);
  expect(await account.text()).toContain(DEMO.name);
});

test("[attacker] malformed, over-long and non-UTF-8 input to the callback is refused without a 500", async ({ request }) => {
  const token = await csrfToken(request);
  const cases: (string | Buffer)[] = [
    `identifier=${"a".repeat(300)}%40x.test&password=x&csrfToken=${encodeURIComponent(token)}`,
    `identifier=demo%40qianneng.test&password=${"x".repeat(1100)}&csrfToken=${encodeURIComponent(token)}`,
    Buffer.concat([Buffer.from("identifier=demo%40qianneng.test&password="), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from(`&csrfToken=${encodeURIComponent(token)}`)]),
    `identifier=%FF%FE&password=x&csrfToken=${encodeURIComponent(token)}`,
  ];
  for (const data of cases) {
    const response = await request.post("/api/auth/callback/credentials", {
      data,
      headers: { "content-type": "application/x-www-form-urlencoded" },
      maxRedirects: 0,
    });
    expect(response.status()).toBe(302);
    expect(response.headers()["location"]).toContain("code=invalid_input");
  }
  const page = await request.get("/sign-in?error=CredentialsSignin&code=invalid_input");
  expect(await page.text()).toContain("提交的内容无法识别");
});

test("[visitor] /api/health reports the database", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok", database: "ok" });
});

test("[attacker] direct POSTs pause a phantom identifier exactly like a real one (same status and Location)", async ({ request }) => {
  const post = async (identifier: string) =>
    request.post("/api/auth/callback/credentials", {
      form: { identifier, password: "wrong-password", csrfToken: await csrfToken(request), callbackUrl: "/account" },
      maxRedirects: 0,
    });
  const real = await createAccount();
  const phantom = `ghost-direct-${Date.now()}@qianneng.test`;
  for (let i = 0; i < 6; i++) {
    const [a, b] = [await post(real.email), await post(phantom)];
    expect(b.status()).toBe(a.status());
    expect(b.headers()["location"]).toBe(a.headers()["location"]);
    expect(a.headers()["location"]).toContain(i < 4 ? "code=invalid_credentials" : "code=sign_in_paused");
  }
  const page = await request.get("/sign-in?error=CredentialsSignin&code=sign_in_paused");
  expect(await page.text()).toContain("该账号的登录已暂停");
});

test("[attacker] Auth.js's email sign-in endpoint is closed: direct POSTs queue no reset link, whatever their number", async ({ request }) => {
  const account = await createAccount();
  for (let i = 0; i < 12; i++) {
    const response = await request.post("/api/auth/signin/nodemailer", {
      form: { email: account.email, csrfToken: await csrfToken(request), callbackUrl: "/reset-password" },
      maxRedirects: 0,
    });
    expect(response.status()).toBe(404);
  }
  // Answered before any work: no link was made, nothing waits in the outbox.
  const db = await e2eDb();
  expect(await db.selectFrom("outbox").select("id").where("recipient", "=", account.email).execute()).toEqual([]);
  expect(await db.selectFrom("verification_tokens").select("identifier").where("identifier", "=", account.email).execute()).toEqual([]);
});
