import { describe, expect, it } from "vitest";
import type { ResetVia } from "@/lib/db/schema";
import type { TwoStepMethods } from "@/lib/server/two-step/find-two-step-methods";
import { chooseResetFactors, type ResetFactorRule } from "./choose-reset-factors";

const none: TwoStepMethods = { totp: false, sms: false, backupCodes: 0, passkeys: 0 };
const all: TwoStepMethods = { totp: true, sms: true, backupCodes: 10, passkeys: 2 };

const cases: [string, TwoStepMethods, ResetVia | null, ResetFactorRule][] = [
  ["no two-step, by email", none, "email", { required: false }],
  ["no two-step, by SMS", none, "sms", { required: false }],
  // Leftover backup codes alone do not turn two-step verification on.
  ["only leftover backup codes", { ...none, backupCodes: 3 }, "sms", { required: false }],
  ["everything, by email", all, "email", { required: true, factors: ["totp", "backup_code", "passkey", "sms"] }],
  ["everything, by SMS: no texted code", all, "sms", { required: true, factors: ["totp", "backup_code", "passkey"] }],
  ["SMS only, by email", { ...none, sms: true }, "email", { required: true, factors: ["sms"] }],
  ["SMS only, by SMS: nothing usable", { ...none, sms: true }, "sms", { required: true, factors: [] }],
  ["SMS only, channel unknown: as SMS", { ...none, sms: true }, null, { required: true, factors: [] }],
  ["app only", { ...none, totp: true }, "sms", { required: true, factors: ["totp"] }],
  ["app with backup codes all used", { ...none, totp: true, backupCodes: 0 }, "email", { required: true, factors: ["totp"] }],
  ["passkey only", { ...none, passkeys: 1 }, "email", { required: true, factors: ["passkey"] }],
  ["SMS with backup codes, by SMS", { ...none, sms: true, backupCodes: 4 }, "sms", { required: true, factors: ["backup_code"] }],
];

describe("chooseResetFactors", () => {
  it.each(cases)("%s", (_, methods, via, expected) => {
    expect(chooseResetFactors(methods, via)).toEqual(expected);
  });
});
