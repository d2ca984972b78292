import "server-only";
import { createHmac } from "node:crypto";
import { getAuthSecret } from "@/lib/server/auth/auth-secret";

/**
 * Keyed hash of a normalized identifier: lets the audit log group attempts on one identifier
 * without storing it, and phone numbers (a small space) cannot be recovered by hashing them all.
 */
export function hashIdentifier(normalized: string): string {
  return createHmac("sha256", getAuthSecret()).update(`identifier:${normalized}`).digest("base64url");
}
