import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { readBodyWithin } from "./read-body-within";

describe("readBodyWithin", () => {
  it("reads a body up to the limit in full", async () => {
    const result = await readBodyWithin(Readable.from([Buffer.from("ab"), Buffer.from("cd")]), 4);
    expect(result).toEqual({ kind: "read", body: Buffer.from("abcd") });
  });

  it("stops reading as soon as the body passes the limit", async () => {
    let pulled = 0;
    const stream = new Readable({
      highWaterMark: 1024,
      read() {
        pulled += 1;
        this.push(Buffer.alloc(1024));
      },
    });
    expect(await readBodyWithin(stream, 4096)).toEqual({ kind: "too-large" });
    expect(pulled).toBeLessThan(10);
    // Left paused with no reader attached: nothing pulls the rest of an oversized body into memory.
    expect(stream.isPaused()).toBe(true);
    expect(stream.listenerCount("data")).toBe(0);
  });

  it("resolves quietly when the client goes away mid-body", async () => {
    const stream = new Readable({ read() {} });
    stream.push(Buffer.from("half"));
    const result = readBodyWithin(stream, 1024);
    stream.destroy(Object.assign(new Error("aborted"), { code: "ECONNRESET" }));
    expect(await result).toEqual({ kind: "aborted" });
  });

  it("resolves quietly when the stream closes without an end", async () => {
    const stream = new Readable({ read() {} });
    const result = readBodyWithin(stream, 1024);
    stream.destroy();
    expect(await result).toEqual({ kind: "aborted" });
  });
});
