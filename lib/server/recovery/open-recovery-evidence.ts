import "server-only";
import type { RecoveryRequestsTable } from "@/lib/db/schema";
import { openSealedText } from "@/lib/server/crypto/secret-box";
import { recoveryEvidenceKey } from "./evidence-key";
import { sealContext, type RecoveryEvidence } from "./recovery-policy";

/** The answers and new contact of a request, or null once its evidence is past retention. */
export function openRecoveryEvidence(row: Pick<RecoveryRequestsTable, "id" | "evidence_sealed">): RecoveryEvidence | null {
  if (!row.evidence_sealed) return null;
  return JSON.parse(openSealedText(row.evidence_sealed, { key: recoveryEvidenceKey(), context: sealContext(row.id, "evidence") })) as RecoveryEvidence;
}
