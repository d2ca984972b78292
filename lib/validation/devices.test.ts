import { describe, expect, it } from "vitest";
import { fieldErrorsOf } from "./auth";
import { signOutDeviceSchema } from "./devices";

const ID = "0f8b7c1e-3d4a-4b5c-9d6e-7f8091a2b3c4";

describe("signOutDeviceSchema", () => {
  it("takes a kind and a UUID", () => {
    expect(signOutDeviceSchema.parse({ kind: "session", id: ID })).toEqual({ kind: "session", id: ID });
    expect(signOutDeviceSchema.parse({ kind: "trusted_browser", id: ID })).toEqual({ kind: "trusted_browser", id: ID });
  });

  it("answers anything else with 'device not found'", () => {
    for (const input of [{}, { kind: "session" }, { kind: "passkey", id: ID }, { kind: "session", id: "1 OR 1=1" }, { kind: "session", id: "x".repeat(5000) }]) {
      const result = signOutDeviceSchema.safeParse(input);
      expect(result.success).toBe(false);
      const codes = Object.values(fieldErrorsOf(result.error!)).flat();
      expect(new Set(codes)).toEqual(new Set(["device_not_found"]));
    }
  });
});
