import type { AccountStatus } from "@/lib/server/status/get-account-status";

/** null when this browser may no longer see the status (the 15-minute ticket ran out, or the session ended). */
export async function fetchAccountStatus(): Promise<AccountStatus | null> {
  const response = await fetch("/api/account-status", { cache: "no-store", headers: { accept: "application/json" } });
  if (response.status === 401) return null;
  if (!response.ok) throw new Error(`account status: HTTP ${response.status}`);
  return (await response.json()) as AccountStatus;
}
