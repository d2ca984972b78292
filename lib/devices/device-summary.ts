/** What a device row is: a signed-in browser, or a browser trusted to skip the second step. */
export type DeviceKind = "session" | "trusted_browser";

/** One device as the security page shows it (times in epoch ms; the IP already masked). */
export type DeviceSummary = {
  kind: DeviceKind;
  id: string;
  browser: string | null;
  os: string | null;
  maskedIp: string | null;
  firstSeenAt: number;
  lastSeenAt: number;
  current: boolean;
};
