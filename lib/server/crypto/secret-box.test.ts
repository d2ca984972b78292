import { describe, expect, it } from "vitest";
import { deriveKey, openSealedText, SealBrokenError, sealText } from "./secret-box";

const key = deriveKey("test-secret-0123456789-abcdefghijklmnop", "test purpose");
const box = { key, context: "row-1" };
const plaintext = '{"url":"http://localhost:3000/unlock?token=abc"}';

/** Flips one bit of the payload byte at `index` (after the version prefix). */
function flip(sealed: string, index: number): string {
  const [version, payload] = sealed.split(".");
  const bytes = Buffer.from(payload, "base64url");
  bytes[index] ^= 1;
  return `${version}.${bytes.toString("base64url")}`;
}

describe("secret box", () => {
  it("opens what it sealed, and never shows the plaintext in the sealed text", () => {
    const sealed = sealText(plaintext, box);
    expect(sealed).not.toContain("unlock");
    expect(Buffer.from(sealed.slice(3), "base64url").toString("latin1")).not.toContain("token=abc");
    expect(openSealedText(sealed, box)).toBe(plaintext);
  });

  it("uses a fresh IV each time, so one secret sealed twice looks different", () => {
    expect(sealText(plaintext, box)).not.toBe(sealText(plaintext, box));
  });

  it("refuses an altered IV, tag or ciphertext", () => {
    const sealed = sealText(plaintext, box);
    for (const index of [0, 11, 12, 27, 28, 40]) {
      expect(() => openSealedText(flip(sealed, index), box)).toThrow(SealBrokenError);
    }
    expect(() => openSealedText(sealed.slice(0, -4), box)).toThrow(SealBrokenError);
  });

  it("refuses text sealed for another context or with another key", () => {
    const sealed = sealText(plaintext, box);
    expect(() => openSealedText(sealed, { key, context: "row-2" })).toThrow(SealBrokenError);
    expect(() => openSealedText(sealed, { key: deriveKey("another-secret-0123456789-abcdefghij", "test purpose"), context: "row-1" })).toThrow(SealBrokenError);
    expect(() => openSealedText(sealed, { key: deriveKey("test-secret-0123456789-abcdefghijklmnop", "other purpose"), context: "row-1" })).toThrow(SealBrokenError);
  });

  it("refuses anything that is not a sealed text", () => {
    for (const junk of ["", "v1.", "v2.AAAA", "hello", `v1.${"A".repeat(20)}`, `${sealText(plaintext, box)}.x`]) {
      expect(() => openSealedText(junk, box)).toThrow(SealBrokenError);
    }
  });
});
