import "server-only";
import { randomInt } from "node:crypto";
import { WALLET_TIME_ZONE } from "@/lib/format-wallet-time";

const yearFormat = new Intl.DateTimeFormat("en", { year: "numeric", timeZone: WALLET_TIME_ZONE });

/** "QN-2026-048213": what a user quotes to support; the year is Beijing's, the six digits random (not a count). */
export function issueCaseReference(now = Date.now()): string {
  return `QN-${yearFormat.format(now)}-${String(randomInt(0, 1_000_000)).padStart(6, "0")}`;
}

export const CASE_REFERENCE_PATTERN = /^QN-\d{4}-\d{6}$/;
