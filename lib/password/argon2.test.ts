import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "./argon2";

const PASSWORD = "Qianneng#2026";

describe("hashPassword / verifyPassword", () => {
  it("produces an argon2id hash with OWASP's parameters", async () => {
    const hash = await hashPassword(PASSWORD);
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/);
    expect(hash).not.toContain(PASSWORD);
  });

  it("salts: the same password hashes differently each time", async () => {
    const [a, b] = await Promise.all([hashPassword(PASSWORD), hashPassword(PASSWORD)]);
    expect(a).not.toBe(b);
    expect(await verifyPassword(b, PASSWORD)).toBe(true);
  });

  it("verifies the right password and refuses a wrong one", async () => {
    const hash = await hashPassword(PASSWORD);
    expect(await verifyPassword(hash, PASSWORD)).toBe(true);
    expect(await verifyPassword(hash, "Qianneng#2025")).toBe(false);
    expect(await verifyPassword(hash, PASSWORD.toLowerCase())).toBe(false);
    expect(await verifyPassword(hash, "")).toBe(false);
  });

  it("compares in NFKC: a full-width variant matches the half-width hash, both ways", async () => {
    const halfWidth = await hashPassword("Qianneng#2026");
    expect(await verifyPassword(halfWidth, "Ｑｉａｎｎｅｎｇ＃２０２６")).toBe(true);
    const fullWidth = await hashPassword("Ｑｉａｎｎｅｎｇ＃２０２６");
    expect(await verifyPassword(fullWidth, "Qianneng#2026")).toBe(true);
  });

  it("is false without a stored hash (unknown account), even for the dummy's own password", async () => {
    expect(await verifyPassword(null, PASSWORD)).toBe(false);
    expect(await verifyPassword(undefined, PASSWORD)).toBe(false);
    expect(await verifyPassword(null, "qianneng-timing-equaliser")).toBe(false);
  });

  it("is false, not a throw, for a garbage stored hash", async () => {
    await expect(verifyPassword("not-a-hash", PASSWORD)).resolves.toBe(false);
    await expect(verifyPassword("", PASSWORD)).resolves.toBe(false);
    await expect(verifyPassword("$argon2id$v=19$m=19456,t=2,p=1$garbage", PASSWORD)).resolves.toBe(false);
  });
});
