import "server-only";
import type { OutgoingHttpHeaders, ServerResponse } from "node:http";

export type TeedResponse = { status: number; headers: OutgoingHttpHeaders; body: Buffer };

const MAX_BODY_BYTES = 1024 * 1024;

function toBuffer(chunk: unknown, encoding: unknown): Buffer | null {
  if (typeof chunk === "string") return Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8");
  if (chunk instanceof Uint8Array) return Buffer.from(chunk);
  return null;
}

/**
 * Lets the response go to the client unchanged while keeping a copy of what was written; `onDone` gets it once the
 * response has finished, or null when it was cut short, too large or written in a form not understood.
 */
export function teeResponse(res: ServerResponse, onDone: (teed: TeedResponse | null) => void): void {
  const chunks: Buffer[] = [];
  let size = 0;
  let spoiled = false;
  const keep = (chunk: unknown, encoding: unknown) => {
    if (spoiled || chunk === undefined || chunk === null || typeof chunk === "function") return;
    const buffer = toBuffer(chunk, encoding);
    size += buffer?.length ?? 0;
    if (!buffer || size > MAX_BODY_BYTES) spoiled = true;
    else chunks.push(buffer);
  };
  const { write, end } = res;
  res.write = function (this: ServerResponse, chunk: unknown, ...rest: unknown[]) {
    keep(chunk, rest[0]);
    return (write as (...args: unknown[]) => boolean).call(this, chunk, ...rest);
  } as ServerResponse["write"];
  res.end = function (this: ServerResponse, chunk?: unknown, ...rest: unknown[]) {
    keep(chunk, rest[0]);
    return (end as (...args: unknown[]) => ServerResponse).call(this, chunk, ...rest);
  } as ServerResponse["end"];
  res.once("close", () => {
    onDone(spoiled || !res.writableFinished ? null : { status: res.statusCode, headers: res.getHeaders(), body: Buffer.concat(chunks) });
  });
}
