import "server-only";
import type { Readable } from "node:stream";

export type BodyRead = { kind: "read"; body: Buffer } | { kind: "too-large" } | { kind: "aborted" };

/** Reads a request body up to `limit` bytes: stops reading at the limit, and never throws when the client goes away. */
export function readBodyWithin(stream: Readable, limit: number): Promise<BodyRead> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (result: BodyRead) => {
      if (done) return;
      done = true;
      stream.off("data", onData);
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        stream.pause();
        finish({ kind: "too-large" });
        return;
      }
      chunks.push(chunk);
    };
    stream.on("data", onData);
    stream.once("end", () => finish({ kind: "read", body: Buffer.concat(chunks, size) }));
    // Kept after the end: a later error on this stream must not become an uncaught exception.
    stream.on("error", () => finish({ kind: "aborted" }));
    stream.once("close", () => finish({ kind: "aborted" }));
  });
}
