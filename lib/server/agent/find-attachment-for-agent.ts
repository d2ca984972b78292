import "server-only";
import type { Kysely } from "kysely";
import type { Database } from "@/lib/db/schema";

/** Any ticket's screenshot, for the console only (the route checks the agent rule first). */
export async function findAttachmentForAgent(db: Kysely<Database>, id: string): Promise<{ mime: string; bytes: Buffer } | null> {
  const row = await db.selectFrom("support_attachments").select(["mime", "bytes"]).where("id", "=", id).executeTakeFirst();
  return row ? { mime: row.mime, bytes: Buffer.from(row.bytes) } : null;
}
