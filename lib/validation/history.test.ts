import { describe, expect, it } from "vitest";
import { encodeHistoryCursor, readHistoryPosition } from "./history";

describe("readHistoryPosition", () => {
  it("reads back a cursor it wrote, older or newer", () => {
    const cursor = { createdAt: 1_767_225_600_000, id: 42 };
    expect(readHistoryPosition({ before: encodeHistoryCursor(cursor) })).toEqual({ before: cursor });
    expect(readHistoryPosition({ after: encodeHistoryCursor(cursor) })).toEqual({ after: cursor });
  });

  it.each([
    ["no cursor", {}],
    ["garbage", { before: "%%%" }],
    ["base64 of something else", { before: Buffer.from("1;drop table").toString("base64url") }],
    ["a negative id", { before: Buffer.from("1767225600000.-1").toString("base64url") }],
    ["a huge number", { before: Buffer.from(`${"9".repeat(30)}.1`).toString("base64url") }],
    ["a repeated parameter", { before: ["a", "b"] }],
    ["an overlong value", { after: "A".repeat(500) }],
  ])("%s is the newest page", (_, params) => {
    expect(readHistoryPosition(params)).toEqual({});
  });
});
