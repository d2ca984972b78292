import { describe, expect, it } from "vitest";
import { judgeConnection, type Measurements } from "./connection-verdict";

// A good home link: 20–40 ms, 64 KB in a tenth of a second, clocks agree, cookies on, no incident.
const GOOD: Measurements = {
  online: true,
  pings: [24, 20, 31, 40, 22],
  download: { bytes: 65_536, ms: 100, finished: true },
  clockOffsetMs: 300,
  cookies: true,
  openIncidents: 0,
};

describe("judgeConnection", () => {
  it.each<[string, Partial<Measurements>, string[]]>([
    ["a good link", {}, []],
    ["the browser says it is offline", { online: false }, ["offline"]],
    ["no ping answered", { pings: [null, null, null, null, null], download: null, clockOffsetMs: null }, ["offline"]],
    ["offline hides what it could not measure, but not an incident or cookies", { online: false, pings: [null], download: null, clockOffsetMs: 90_000, openIncidents: 1, cookies: false }, ["offline", "service", "cookies"]],
    ["an open incident", { openIncidents: 2 }, ["service"]],
    ["a device clock 31 s behind", { clockOffsetMs: 31_000 }, ["clock"]],
    ["a device clock 31 s ahead", { clockOffsetMs: -31_000 }, ["clock"]],
    ["a device clock exactly 30 s off is still accepted", { clockOffsetMs: 30_000 }, []],
    ["cookies off", { cookies: false }, ["cookies"]],
    ["median round trip over 600 ms", { pings: [650, 700, 610, 690, 640] }, ["slow"]],
    ["median round trip of 600 ms is not yet slow", { pings: [600, 590, 610, 600, 605], download: { bytes: 65_536, ms: 700, finished: true } }, []],
    ["a download under 50 KB/s", { download: { bytes: 65_536, ms: 1_600, finished: true } }, ["slow"]],
    ["a download cut off before it finished", { download: { bytes: 20_000, ms: 8_000, finished: false } }, ["slow"]],
    ["one ping lost", { pings: [24, null, 31, 40, 22] }, ["unstable"]],
    ["the middle samples spread over 300 ms", { pings: [30, 40, 400, 450, 32] }, ["unstable"]],
    ["one slow sample in five is not yet unstable", { pings: [30, 40, 900, 35, 32] }, []],
    ["a download that failed while pings answered", { download: null }, ["unstable"]],
    [
      "everything at once, most telling first",
      { pings: [900, null, 1_800, 950, 1_000], download: { bytes: 4_000, ms: 8_000, finished: false }, clockOffsetMs: -120_000, cookies: false, openIncidents: 1 },
      ["service", "clock", "cookies", "slow", "unstable"],
    ],
  ])("%s", (_, change, problems) => {
    expect(judgeConnection({ ...GOOD, ...change }).problems).toEqual(problems);
  });

  it("gives the median and spread of the answered pings, in ms, and the download speed in KB/s", () => {
    expect(judgeConnection(GOOD)).toMatchObject({ medianMs: 24, spreadMs: 9, answered: 5, kbps: 640 });
    expect(judgeConnection({ ...GOOD, pings: [10, null, 30, 20] })).toMatchObject({ medianMs: 20, spreadMs: 20, answered: 3 });
    expect(judgeConnection({ ...GOOD, pings: [10, 40, 30, 20] })).toMatchObject({ medianMs: 25 });
    expect(judgeConnection({ ...GOOD, pings: [null, null] })).toMatchObject({ medianMs: null, spreadMs: null, answered: 0 });
  });

  it("advises each step once, in the order of the problems", () => {
    expect(judgeConnection({ ...GOOD, online: false }).advice).toEqual(["dataOn", "switchNetwork", "move", "later"]);
    expect(judgeConnection({ ...GOOD, openIncidents: 1, pings: [700, 800, 900, 700, 750] }).advice).toEqual(["status", "later", "switchNetwork", "move", "vpn"]);
    expect(judgeConnection({ ...GOOD, clockOffsetMs: 60_000, cookies: false }).advice).toEqual(["clock", "cookies"]);
    expect(judgeConnection(GOOD).advice).toEqual([]);
  });
});
