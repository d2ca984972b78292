import "server-only";
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

const VERSION = "v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** A sealed text that cannot be opened: altered, sealed for another context, or with another key. */
export class SealBrokenError extends Error {
  constructor() {
    super("sealed data cannot be opened (altered, or sealed with another key or for another row)");
    this.name = "SealBrokenError";
  }
}

/** A 256-bit key for one purpose (`info`), so keys for different purposes never coincide. */
export function deriveKey(secret: string, info: string): Buffer {
  return Buffer.from(hkdfSync("sha256", secret, "", info, 32));
}

/**
 * AES-256-GCM with a fresh random IV. `context` is authenticated but not stored: the sealed text only
 * opens for the same context (e.g. the row it was written for).
 */
export function sealText(plaintext: string, { key, context }: { key: Buffer; context: string }): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(context, "utf8"));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return `${VERSION}.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url")}`;
}

/** The plaintext of `sealed`; throws SealBrokenError rather than return anything unauthenticated. */
export function openSealedText(sealed: string, { key, context }: { key: Buffer; context: string }): string {
  const [version, payload, extra] = sealed.split(".");
  if (version !== VERSION || !payload || extra !== undefined) throw new SealBrokenError();
  const bytes = Buffer.from(payload, "base64url");
  if (bytes.length < IV_BYTES + TAG_BYTES) throw new SealBrokenError();
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, bytes.subarray(0, IV_BYTES), { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(context, "utf8"));
    decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString("utf8");
  } catch {
    throw new SealBrokenError();
  }
}
