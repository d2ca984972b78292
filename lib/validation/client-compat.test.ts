import { describe, expect, it } from "vitest";
import { parseClientCompatQuery } from "./client-compat";

const parse = (query: string) => parseClientCompatQuery(new URLSearchParams(query));

describe("parseClientCompatQuery", () => {
  it("takes one known platform and one strict version", () => {
    expect(parse("platform=ios&version=5.8.1")).toEqual({ ok: true, query: { platform: "ios", version: "5.8.1" } });
    expect(parse("version=2.0.0-beta.1%2B77&platform=harmony")).toEqual({ ok: true, query: { platform: "harmony", version: "2.0.0-beta.1+77" } });
  });

  it.each([
    ["", { platform: "platform_required", version: "version_required" }],
    ["platform=&version=", { platform: "platform_required", version: "version_required" }],
    ["platform=windows&version=abc", { platform: "platform_invalid", version: "version_invalid" }],
    ["platform=IOS&version=v5.8.1", { platform: "platform_invalid", version: "version_invalid" }],
    ["platform=ios&version=5.8.1+402", { version: "version_invalid" }],
    [`platform=ios&version=1.0.0-${"a".repeat(80)}`, { version: "version_too_long" }],
    ["platform=ios&version=5.8.1&debug=1", { query: "query_unexpected" }],
    ["platform=ios&platform=android&version=5.8.1", { query: "query_unexpected" }],
  ])("refuses %j, naming each bad field", (query, fields) => {
    expect(parse(query)).toEqual({ ok: false, fields });
  });
});
