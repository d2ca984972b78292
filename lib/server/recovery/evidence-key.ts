import "server-only";
import { getConfig } from "@/lib/config";
import { getAuthSecret } from "@/lib/server/auth/auth-secret";
import { deriveKey } from "@/lib/server/crypto/secret-box";

/**
 * The key that seals recovery evidence: RECOVERY_EVIDENCE_KEY, or (unset, as in development) one derived from
 * AUTH_SECRET — set it in production so the evidence key can be kept and rotated apart from the session secret.
 */
export function recoveryEvidenceKey(): Buffer {
  const configured = getConfig().RECOVERY_EVIDENCE_KEY;
  return configured ? Buffer.from(configured, "base64") : deriveKey(getAuthSecret(), "recovery-evidence");
}
