import { randomBytes } from "node:crypto";

export const dynamic = "force-dynamic";

const SIZE = 64 * 1024;
// Random, so no proxy or compression on the way can shrink it; made once per process, it costs nothing per request.
let payload: Uint8Array<ArrayBuffer> | undefined;

/** 64 KB the connection check downloads to measure the link's speed. Never cached, never compressed. */
export function GET() {
  payload ??= new Uint8Array(randomBytes(SIZE));
  return new Response(payload, {
    headers: {
      "Content-Type": "application/octet-stream",
      "Content-Length": String(SIZE),
      "Content-Encoding": "identity",
      "Cache-Control": "no-store",
    },
  });
}
