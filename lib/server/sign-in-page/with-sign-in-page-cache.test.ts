import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { withSignInPageCache } from "./with-sign-in-page-cache";

let server: http.Server;
let base: string;
let renders: string[];
let incidents: string;
let clock = 0;

beforeAll(async () => {
  server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://localhost:${(server.address() as AddressInfo).port}`;
  // Stands in for Next: a page whose nonce changes per rendering, which also sets a visitor's cookie.
  const handle = withSignInPageCache(
    async (req, res) => {
      const nonce = Buffer.from(`nonce-of-render-${renders.length}`).toString("base64");
      renders.push(req.url ?? "");
      const status = req.url?.includes("error=Verification") ? 307 : 200;
      res.setHeader("Content-Security-Policy", `script-src 'nonce-${nonce}' 'strict-dynamic'`);
      res.setHeader("Content-Type", "text/html; charset=utf-8");
      res.setHeader("Set-Cookie", `authjs.csrf-token=secret-${renders.length}; HttpOnly`);
      res.statusCode = status;
      // The language Next would pick, except for a query that makes this stand-in disagree with the cache's key.
      const english = /NEXT_LOCALE=en/.test(req.headers.cookie ?? "") || (req.headers["accept-language"] ?? "").startsWith("en") || req.url?.includes("disagree");
      res.write(`<!DOCTYPE html><html lang="${english ? "en" : "zh-CN"}"><script nonce="${nonce}">1</script>`);
      res.end(`<p>${incidents}</p><script nonce="${nonce}">2</script>`);
    },
    { readIncidentState: async () => incidents, now: () => clock },
  );
  server.on("request", (req, res) => void handle(req, res));
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  renders = [];
  incidents = "none";
  clock += 120_000;
});

async function get(path: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${base}${path}`, { headers, redirect: "manual" });
  const csp = response.headers.get("content-security-policy") ?? "";
  return { status: response.status, csp, nonce: /'nonce-([^']+)'/.exec(csp)?.[1], cookie: response.headers.get("set-cookie"), body: await response.text() };
}

describe("GET /sign-in served again with a fresh nonce", () => {
  it("keeps a page only under the locale Next rendered it in", async () => {
    await get("/sign-in?disagree=1");
    await get("/sign-in?disagree=1");
    expect(renders).toEqual(["/sign-in?disagree=1", "/sign-in?disagree=1"]);
  });

  it("renders once, then answers with the same page and a new nonce in the header and every script", async () => {
    const first = await get("/sign-in?c=1");
    const second = await get("/sign-in?c=1", { "accept-encoding": "gzip" });
    expect(renders).toEqual(["/sign-in?c=1"]);
    expect(second.nonce).toBeTruthy();
    expect(second.nonce).not.toBe(first.nonce);
    expect(second.body).toBe(first.body.split(first.nonce!).join(second.nonce!));
    // The first visitor's cookie is theirs alone.
    expect(first.cookie).toContain("secret-1");
    expect(second.cookie).toBeNull();
  });

  it("renders again when the open incidents change, the query string or locale differs, or the entry is old", async () => {
    await get("/sign-in");
    incidents = "incident-7";
    expect((await get("/sign-in")).body).toContain("incident-7");
    await get("/sign-in?callbackUrl=%2Faccount");
    await get("/sign-in", { "accept-language": "en" });
    clock += 60_000;
    await get("/sign-in");
    expect(renders).toHaveLength(5);
  });

  it("leaves browsers with a session, and answers other than a 200 page, to Next every time", async () => {
    await get("/sign-in", { cookie: "authjs.session-token=abc" });
    await get("/sign-in", { cookie: "authjs.session-token=abc" });
    expect((await get("/sign-in?error=Verification")).status).toBe(307);
    await get("/sign-in?error=Verification");
    expect(renders).toHaveLength(4);
  });
});
