import "server-only";
import type { Kysely } from "kysely";
import type { Database } from "@/lib/db/schema";
import { normalizeIdentifier } from "@/lib/identifier/normalize-identifier";
import { findUserByIdentifier } from "@/lib/server/users/find-user-by-identifier";

/** The console's search: one whole email or mobile, normalized; no listing and no partial match. */
export async function findAccountByIdentifier(db: Kysely<Database>, raw: string): Promise<string | null> {
  const identifier = normalizeIdentifier(raw);
  if (typeof identifier === "string") return null;
  return (await findUserByIdentifier(db, identifier))?.id ?? null;
}
