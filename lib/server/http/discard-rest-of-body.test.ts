import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { discardRestOfBody } from "./discard-rest-of-body";

let server: http.Server | undefined;
afterEach(() => {
  server?.closeAllConnections();
  return new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
});

/** A server that answers 413 at once, then lingers `lingerMs`; the client keeps sending until it is cut off. */
async function sendToEarlyAnswer(lingerMs: number, total: number): Promise<{ status: number; cutOff: boolean }> {
  server = http.createServer((req, res) => {
    res.writeHead(413).end("too large");
    discardRestOfBody(req, lingerMs);
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve) => {
    let status = 0;
    let sent = 0;
    const req = http.request({ port, host: "127.0.0.1", method: "POST", headers: { "Content-Length": String(total) } }, (res) => {
      status = res.statusCode ?? 0;
      res.resume();
    });
    req.on("error", () => {});
    // Every byte went out: the client was not cut off. Closed before that: it was.
    req.on("finish", () => resolve({ status, cutOff: false }));
    req.on("close", () => resolve({ status, cutOff: true }));
    const timer = setInterval(() => {
      sent += 16_384;
      req.write(Buffer.alloc(16_384));
      if (sent >= total) {
        clearInterval(timer);
        req.end();
      }
    }, 5);
    req.on("close", () => clearInterval(timer));
  });
}

describe("discardRestOfBody", () => {
  it("lets a client that is still sending read the early answer, then cuts it off", async () => {
    const result = await sendToEarlyAnswer(100, 1024 * 1024 * 1024);
    expect(result).toEqual({ status: 413, cutOff: true });
  });

  it("keeps a client that finishes within the moment", async () => {
    const result = await sendToEarlyAnswer(5_000, 64 * 1024);
    expect(result).toEqual({ status: 413, cutOff: false });
  });
});
