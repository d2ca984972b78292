import http, { type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { markSessionToken } from "@/lib/session-token-marker";
import { rewriteSessionCookies } from "./rewrite-session-cookies";

const EXPIRES = "Expires=Tue, 29 Dec 2026 19:34:10 GMT";
const browser = `authjs.session-token=${markSessionToken("eyJtoken", false)}`;
const persistent = `authjs.session-token=${markSessionToken("eyJtoken", true)}`;

let server: http.Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

/** The Set-Cookie headers a browser receives when a handler writes them the given way. */
async function cookiesSentBy(write: (res: ServerResponse) => void): Promise<string[]> {
  server = http.createServer((_req, res) => {
    rewriteSessionCookies(res);
    write(res);
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const response = await fetch(`http://127.0.0.1:${port}/`, { redirect: "manual" });
  await response.arrayBuffer();
  return response.headers.getSetCookie();
}

describe("rewriteSessionCookies", () => {
  it("drops the expiry of a browser-session cookie written with setHeader", async () => {
    const sent = await cookiesSentBy((res) => {
      res.setHeader("Set-Cookie", [`${browser}; Path=/; ${EXPIRES}; HttpOnly`, `NEXT_LOCALE=en; Path=/; ${EXPIRES}`]);
      res.end();
    });
    expect(sent).toEqual([`${browser}; Path=/; HttpOnly`, `NEXT_LOCALE=en; Path=/; ${EXPIRES}`]);
  });

  it("does the same for appendHeader (Next's route responses) and writeHead", async () => {
    const appended = await cookiesSentBy((res) => {
      res.appendHeader("set-cookie", `${browser}; Path=/; ${EXPIRES}`);
      res.end();
    });
    expect(appended).toEqual([`${browser}; Path=/`]);
    const written = await cookiesSentBy((res) => res.writeHead(302, { "Set-Cookie": `${browser}; Max-Age=60; Path=/`, Location: "/" }).end());
    expect(written).toEqual([`${browser}; Path=/`]);
    const flat = await cookiesSentBy((res) => res.writeHead(200, "OK", ["Set-Cookie", `${browser}; Max-Age=60`, "X-A", "1"]).end());
    expect(flat).toEqual([browser]);
  });

  it("keeps persistent sessions and deletions as they are", async () => {
    const cookies = [`${persistent}; Path=/; ${EXPIRES}`, "authjs.session-token=; Max-Age=0; Path=/"];
    const sent = await cookiesSentBy((res) => {
      res.setHeader("Set-Cookie", cookies);
      res.end();
    });
    expect(sent).toEqual(cookies);
  });
});
