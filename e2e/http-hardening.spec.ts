import { expect, test, type APIRequestContext, type APIResponse, type BrowserContext } from "@playwright/test";
import { DEMO, fillSignIn, signIn } from "./helpers";

const EVIL = "http://evil.test";

/** A real server-action id, as the no-JavaScript forgot-password form carries it. */
async function forgotPasswordActionId(request: APIRequestContext): Promise<string> {
  const html = await (await request.get("/forgot-password")).text();
  return /&quot;id&quot;:&quot;([0-9a-f]{40,})&quot;/.exec(html)![1];
}

/** The language switch's action id (a hidden input in its no-JavaScript form on every page). */
async function setLocaleActionId(request: APIRequestContext): Promise<string> {
  const html = await (await request.get("/sign-in")).text();
  return /name="\$ACTION_ID_([0-9a-f]{40,})"/.exec(html)![1];
}

async function expectRefused(response: APIResponse, status: number) {
  expect(response.status()).toBe(status);
  const body = await response.text();
  expect(body.length).toBeLessThan(100);
  expect(body).not.toMatch(/Error|\bat |digest/);
}

async function sessionCookie(context: BrowserContext) {
  return (await context.cookies()).find((c) => c.name.endsWith("authjs.session-token"));
}

test.describe("malformed requests get a 4xx, never a 500", () => {
  const brokenMultipart = Buffer.from('--XYZ\r\nContent-Disposition: form-data; name="identifier"\r\n\r\ndemo@qianneng.test');

  test("[attacker] a multipart body cut short, with or without the server-action header", async ({ request }) => {
    const headers = { "Content-Type": "multipart/form-data; boundary=XYZ" };
    await expectRefused(await request.post("/forgot-password", { headers, data: brokenMultipart }), 400);
    const actionId = await forgotPasswordActionId(request);
    await expectRefused(await request.post("/forgot-password", { headers: { ...headers, "Next-Action": actionId }, data: brokenMultipart }), 400);
  });

  test("[attacker] a server action called with a text body, and the same from another site", async ({ request }) => {
    const headers = { "Next-Action": await forgotPasswordActionId(request), "Content-Type": "text/plain;charset=UTF-8" };
    await expectRefused(await request.post("/forgot-password", { headers, data: "[{},1]" }), 400);
    await expectRefused(await request.post("/forgot-password", { headers: { ...headers, Origin: EVIL }, data: "[{},1]" }), 403);
  });

  test("[attacker] a write to an API route from another site's page", async ({ request }) => {
    await expectRefused(await request.post("/api/auth/signout", { headers: { Origin: EVIL }, form: { csrfToken: "x" }, maxRedirects: 0 }), 403);
  });

  test("[attacker] a body over 1 MB", async ({ request }) => {
    const headers = { "Next-Action": await forgotPasswordActionId(request), "Content-Type": "multipart/form-data; boundary=XYZ" };
    await expectRefused(await request.post("/forgot-password", { headers, data: Buffer.alloc(2 * 1024 * 1024, 97) }), 413);
  });
});

test("[attacker] the language switch never follows a Referer to another host", async ({ request, baseURL }) => {
  const actionId = await setLocaleActionId(request);
  const response = await request.post("/sign-in", {
    headers: { Referer: `${baseURL}//evil.test/x` },
    multipart: { [`$ACTION_ID_${actionId}`]: "", locale: "en" },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(303);
  const location = response.headers()["location"];
  expect(location).toMatch(/^\/(?![/\\])/);
  expect(new URL(location, baseURL).origin).toBe(new URL(baseURL!).origin);

  const back = await request.post("/sign-in", {
    headers: { Referer: `${baseURL}/forgot-password?from=switch` },
    multipart: { [`$ACTION_ID_${actionId}`]: "", locale: "en" },
    maxRedirects: 0,
  });
  expect(back.headers()["location"]).toBe("/forgot-password?from=switch");
});

test("[user] without “keep me signed in” the session cookie ends with the browser", async ({ page, context }) => {
  await signIn(page);
  expect((await sessionCookie(context))?.expires).toBe(-1);
  // A later visit leaves the cookie as it is: no expiry gained, and not sent again (a page request still in flight
  // with an older cookie must never overwrite the cookie of a sign-in that just finished).
  const visit = await page.goto("/account");
  await expect(page.getByRole("heading", { level: 1 })).toContainText(DEMO.name);
  expect((await sessionCookie(context))?.expires).toBe(-1);
  expect((await visit!.headerValue("set-cookie")) ?? "").not.toContain("authjs.session-token");
});

test("[user] with “keep me signed in” the session cookie lasts 30 days", async ({ page, context }) => {
  await page.goto("/sign-in");
  const form = await fillSignIn(page, DEMO.email, DEMO.password);
  await form.getByRole("checkbox", { name: "保持登录 30 天" }).check();
  await form.locator('button[type="submit"]').click();
  await expect(page).toHaveURL(/\/account$/);
  const expected = Date.now() / 1000 + 30 * 86_400;
  expect(Math.abs((await sessionCookie(context))!.expires - expected)).toBeLessThan(3_600);
  await page.goto("/account");
  await expect(page.getByRole("heading", { level: 1 })).toContainText(DEMO.name);
  expect(Math.abs((await sessionCookie(context))!.expires - expected)).toBeLessThan(3_600);
});
