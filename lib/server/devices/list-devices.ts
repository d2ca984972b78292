import "server-only";
import type { Kysely } from "kysely";
import type { Database } from "@/lib/db/schema";
import { describeDevice, maskIp } from "@/lib/describe-device";
import type { DeviceKind, DeviceSummary } from "@/lib/devices/device-summary";
import { isSessionLive } from "@/lib/server/sessions/session-policy";

export type ListDevicesOptions = {
  userId: string;
  /** This browser's session, marked "this device". */
  currentSessionId: string;
  /** This browser's trusted-browser row, if it has one. */
  currentTrustedBrowserId?: string | null;
  now?: number;
};

type Row = { id: string; ip: string | null; user_agent: string | null; created_at: number; last_seen: number };

function summary(kind: DeviceKind, row: Row, current: boolean): DeviceSummary {
  const device = describeDevice(row.user_agent);
  return {
    kind,
    id: row.id,
    browser: device?.browser ?? null,
    os: device?.os ?? null,
    maskedIp: maskIp(row.ip),
    firstSeenAt: Number(row.created_at),
    lastSeenAt: Number(row.last_seen),
    current,
  };
}

/**
 * The account's live full sessions and unexpired trusted browsers, most recently seen first. Sessions that owe a
 * second factor or may only reset a password are not devices anyone signed in on.
 */
export async function listDevices(db: Kysely<Database>, { userId, currentSessionId, currentTrustedBrowserId, now = Date.now() }: ListDevicesOptions): Promise<DeviceSummary[]> {
  const [sessions, trusted] = await Promise.all([
    db
      .selectFrom("sessions")
      .select(["id", "ip", "user_agent", "created_at", "last_seen_at", "expires_at", "persistent"])
      .where("user_id", "=", userId)
      .where("purpose", "=", "full")
      .where("expires_at", ">", now)
      .execute(),
    db
      .selectFrom("trusted_browsers")
      .select(["id", "ip", "user_agent", "created_at", "last_used_at"])
      .where("user_id", "=", userId)
      .where("expires_at", ">", now)
      .execute(),
  ]);
  const live = sessions
    .map((s) => ({ ...s, persistent: Number(s.persistent), last_seen_at: Number(s.last_seen_at), expires_at: Number(s.expires_at) }))
    .filter((s) => isSessionLive(s, now));
  const devices = [
    ...live.map((s) => summary("session", { ...s, last_seen: s.last_seen_at }, s.id === currentSessionId)),
    ...trusted.map((b) => summary("trusted_browser", { ...b, last_seen: b.last_used_at }, b.id === currentTrustedBrowserId)),
  ];
  return devices.sort((a, b) => b.lastSeenAt - a.lastSeenAt || Number(b.current) - Number(a.current) || a.id.localeCompare(b.id));
}
