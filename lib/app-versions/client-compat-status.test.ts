import { describe, expect, it } from "vitest";
import { CLIENT_VERSION_MAX, clientCompatStatus, isClientVersion } from "./client-compat-status";

describe("clientCompatStatus", () => {
  const rule = { minimum: "5.2.0", latest: "5.8.1" };
  it.each([
    ["1.0.0", "update_required"],
    ["5.1.9", "update_required"],
    ["5.2.0-rc.1", "update_required"],
    ["5.2.0", "update_recommended"],
    ["5.2.0+7", "update_recommended"],
    ["5.5.3", "update_recommended"],
    ["5.8.1-beta.2", "update_recommended"],
    ["5.8.0+999", "update_recommended"],
    ["5.8.1", "ok"],
    ["5.8.1+402", "ok"],
    ["5.8.2-beta.1", "ok"],
    ["5.10.0", "ok"],
    ["6.0.0", "ok"],
  ] as const)("version %s against minimum 5.2.0 and latest 5.8.1 → %s", (version, status) => {
    expect(clientCompatStatus({ version, ...rule })).toBe(status);
  });

  it.each([
    ["2.9.9", "update_required"],
    ["3.0.0-beta.1", "update_required"],
    ["3.0.0", "ok"],
    ["3.0.1", "ok"],
  ] as const)("when the minimum is the latest (3.0.0), version %s → %s: nothing is only recommended", (version, status) => {
    expect(clientCompatStatus({ version, minimum: "3.0.0", latest: "3.0.0" })).toBe(status);
  });

  it("pre-releases of one version order by their identifiers (alpha < beta < beta.2 < beta.11 < rc)", () => {
    const rule = { minimum: "2.0.0-beta.2", latest: "2.0.0-rc.1" };
    expect(clientCompatStatus({ version: "2.0.0-alpha.9", ...rule })).toBe("update_required");
    expect(clientCompatStatus({ version: "2.0.0-beta.1", ...rule })).toBe("update_required");
    expect(clientCompatStatus({ version: "2.0.0-beta.11", ...rule })).toBe("update_recommended");
    expect(clientCompatStatus({ version: "2.0.0-rc.1", ...rule })).toBe("ok");
    expect(clientCompatStatus({ version: "2.0.0", ...rule })).toBe("ok");
  });
});

describe("isClientVersion", () => {
  it.each(["0.0.0", "5.8.1", "10.20.30", "2.0.0-beta.1", "1.0.0-0.3.7", "1.0.0-x-y-z.--", "5.8.1+402", "1.0.0-rc.1+build.2025.11"])("accepts %s", (value) => {
    expect(isClientVersion(value)).toBe(true);
  });

  it.each(["", "abc", "5", "5.8", "5.8.1.2", "v5.8.1", "=5.8.1", " 5.8.1", "5.8.1 ", "05.8.1", "5.08.1", "1.0.0-01", "5.8.x", "^5.8.1", ">=5.0.0", "5.0.0 - 6.0.0", "1.0.0-", "1.0.0+", "1.0.0-beta..1", "５.８.１"])(
    "refuses %j",
    (value) => {
      expect(isClientVersion(value)).toBe(false);
    },
  );

  it("refuses a version longer than the maximum even when well formed", () => {
    const long = `1.0.0-${"a".repeat(CLIENT_VERSION_MAX)}`;
    expect(isClientVersion(long)).toBe(false);
    expect(isClientVersion(long.slice(0, CLIENT_VERSION_MAX))).toBe(true);
  });
});
