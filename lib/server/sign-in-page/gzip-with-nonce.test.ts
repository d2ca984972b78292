import zlib from "node:zlib";
import { describe, expect, it } from "vitest";
import { gzipWithNonce, plainWithNonce, splitAtNonce } from "./gzip-with-nonce";

const OLD = "AAAAAAAAAAAAAAAAAAAAAA==";
const NEW = "b+/cDEFGHIJKLMNOPQRSTU==";

function page(nonce: string, filler: string): string {
  return `<html><script nonce="${nonce}">a()</script>${filler}<link nonce="${nonce}"/>${filler}"nonce":"${nonce}"</html>`;
}

describe("a page body re-sent with a fresh nonce", () => {
  it.each([
    ["short", "x"],
    ["repetitive and long", "<div class=\"mt-4\">重复的内容</div>".repeat(5000)],
  ])("gunzips to the page with every old nonce replaced (%s)", (_, filler) => {
    const body = splitAtNonce(Buffer.from(page(OLD, filler)), OLD);
    const gzipped = gzipWithNonce(body, NEW);
    expect(zlib.gunzipSync(gzipped).toString()).toBe(page(NEW, filler));
    expect(plainWithNonce(body, NEW).toString()).toBe(page(NEW, filler));
  });

  it("compresses like gzip does", () => {
    const html = page(OLD, Array.from({ length: 3000 }, (_, i) => `<p class="text-sm">登录 ${i * 7919}</p>`).join(""));
    const gzipped = gzipWithNonce(splitAtNonce(Buffer.from(html), OLD), NEW);
    expect(gzipped.length).toBeLessThan(zlib.gzipSync(html).length * 1.2);
  });

  it("keeps a body without the nonce whole", () => {
    const body = splitAtNonce(Buffer.from("<p>no scripts</p>"), OLD);
    expect(zlib.gunzipSync(gzipWithNonce(body, NEW)).toString()).toBe("<p>no scripts</p>");
  });
});
