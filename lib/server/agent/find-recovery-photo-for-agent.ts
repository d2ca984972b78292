import "server-only";
import type { Kysely } from "kysely";
import type { Database } from "@/lib/db/schema";
import { openSealedText } from "@/lib/server/crypto/secret-box";
import { recoveryEvidenceKey } from "@/lib/server/recovery/evidence-key";
import { sealContext } from "@/lib/server/recovery/recovery-policy";

/** A request's ID photo, unsealed for the console only (the route checks the agent rule first); null past retention. */
export async function findRecoveryPhotoForAgent(db: Kysely<Database>, requestId: string): Promise<{ mime: string; bytes: Buffer } | null> {
  const row = await db.selectFrom("recovery_requests").select(["id", "photo_sealed"]).where("id", "=", requestId).executeTakeFirst();
  if (!row?.photo_sealed) return null;
  const opened = openSealedText(row.photo_sealed, { key: recoveryEvidenceKey(), context: sealContext(row.id, "photo") });
  const split = opened.indexOf(";");
  return { mime: opened.slice(0, split), bytes: Buffer.from(opened.slice(split + 1), "base64") };
}
