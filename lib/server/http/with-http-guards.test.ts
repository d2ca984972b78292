import http, { type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { BODY_LIMIT_BYTES } from "./body-limit-for";
import { withHttpGuards } from "./with-http-guards";

const received: { path: string; body: string }[] = [];
const handled: Promise<void>[] = [];
let server: http.Server;
let base: string;
let warn: ReturnType<typeof vi.spyOn>;

async function readAll(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString();
}

beforeAll(async () => {
  server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://localhost:${(server.address() as AddressInfo).port}`;
  // The wrapped handler stands in for Next.js: it records what reached it.
  const handle = withHttpGuards(base, async (req, res) => {
    received.push({ path: req.url ?? "", body: await readAll(req) });
    res.end("next");
  });
  server.on("request", (req, res) => handled.push(handle(req, res)));
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  received.length = 0;
  handled.length = 0;
  warn = vi.spyOn(console, "warn").mockImplementation(() => {});
  return () => warn.mockRestore();
});

/** Sends `total` bytes in 64 KB chunks (chunked encoding) and stops as soon as the server answers. */
function postChunked(path: string, total: number): Promise<{ status: number; sent: number }> {
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const req = http.request(`${base}${path}`, { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" } }, (res) => {
      answered = true;
      res.resume();
      res.on("end", () => resolve({ status: res.statusCode ?? 0, sent }));
    });
    req.on("error", (error) => (answered ? undefined : reject(error)));
    const pump = () => {
      while (!answered && sent < total) {
        sent += 65_536;
        if (!req.write(Buffer.alloc(65_536, 97))) return void req.once("drain", pump);
      }
      if (!answered) req.end();
    };
    pump();
  });
}

describe("withHttpGuards", () => {
  it("refuses a write from another site's page with 403 and one log line", async () => {
    const response = await fetch(`${base}/api/anything`, { method: "POST", headers: { Origin: "https://evil.test" }, body: "a=1" });
    expect(response.status).toBe(403);
    expect(await response.text()).toBe("Forbidden\n");
    expect(received).toEqual([]);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0][0]).toBe("[http] 403 POST /api/anything: foreign origin");
  });

  it("passes the portal's own writes and reads, body intact", async () => {
    const response = await fetch(`${base}/forgot-password?x=1`, { method: "POST", headers: { Origin: base }, body: new URLSearchParams({ identifier: "demo" }) });
    expect(await response.text()).toBe("next");
    expect((await fetch(`${base}/sign-in`, { headers: { Origin: "https://evil.test" } })).status).toBe(200);
    expect(received).toEqual([
      { path: "/forgot-password?x=1", body: "identifier=demo" },
      { path: "/sign-in", body: "" },
    ]);
  });

  it("answers a declared length over 1 MB at once, before any of the body is sent", async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request(`${base}/forgot-password`, { method: "POST", headers: { "Content-Length": String(BODY_LIMIT_BYTES + 1) } }, (res) => {
        resolve(res.statusCode ?? 0);
        req.destroy();
      });
      req.on("error", reject);
      req.flushHeaders();
    });
    expect(status).toBe(413);
    expect(received).toEqual([]);
  });

  it("lets a client that sends a large body without waiting still read its 413", async () => {
    for (let i = 0; i < 3; i++) {
      const response = await fetch(`${base}/forgot-password`, { method: "POST", body: Buffer.alloc(16 * BODY_LIMIT_BYTES) });
      expect(response.status).toBe(413);
    }
    expect(received).toEqual([]);
  });

  it("cuts a chunked body off at 1 MB with 413", async () => {
    const { status, sent } = await postChunked("/forgot-password", 8 * BODY_LIMIT_BYTES);
    expect(status).toBe(413);
    expect(sent).toBeLessThan(8 * BODY_LIMIT_BYTES);
    expect(received).toEqual([]);
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it("lets only the support forms carry 5 screenshots of 5 MB, and still cuts them off above that", async () => {
    const screenshots = 5 * 5 * 1024 * 1024;
    expect((await postChunked("/support/new", screenshots)).status).toBe(200);
    expect(received[0].path).toBe("/support/new");
    expect((await postChunked("/support/QN-2026-123456", 2 * BODY_LIMIT_BYTES)).status).toBe(200);
    expect((await postChunked("/support/new", screenshots + 2 * BODY_LIMIT_BYTES)).status).toBe(413);
    expect((await postChunked("/support", 2 * BODY_LIMIT_BYTES)).status).toBe(413);
    expect((await postChunked("/account/support/new", 2 * BODY_LIMIT_BYTES)).status).toBe(413);
  });

  it("lets /recover carry a photo of up to 5 MB, and no more than 6 MB", async () => {
    const { status } = await postChunked("/recover", 5 * BODY_LIMIT_BYTES);
    expect(status).toBe(200);
    expect(received[0].body).toHaveLength(5 * BODY_LIMIT_BYTES);
    expect((await postChunked("/recover", 7 * BODY_LIMIT_BYTES)).status).toBe(413);
  });

  it("passes a chunked body under the limit", async () => {
    const { status } = await postChunked("/forgot-password", BODY_LIMIT_BYTES - 65_536);
    expect(status).toBe(200);
    expect(received[0].body).toHaveLength(BODY_LIMIT_BYTES - 65_536);
  });

  it("answers 400 to a server action called with a text body, without a stack", async () => {
    const response = await fetch(`${base}/forgot-password`, {
      method: "POST",
      headers: { "Next-Action": "60d3572e7a7e211451971bbc2f0d36e897492c03bd", "Content-Type": "text/plain;charset=UTF-8" },
      body: "[{},1]",
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toBe("Bad Request\n");
    expect(received).toEqual([]);
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it("settles quietly, passing nothing on, when the client abandons its upload", async () => {
    const req = http.request(`${base}/api/auth/callback/credentials`, { method: "POST", headers: { "Content-Length": "1000" } });
    req.on("error", () => {});
    req.write("identifier=a");
    await vi.waitFor(() => expect(handled).toHaveLength(1));
    req.destroy();
    await expect(handled[0]).resolves.toBeUndefined();
    expect(received).toEqual([]);
    expect(warn).not.toHaveBeenCalled();
  });
});
