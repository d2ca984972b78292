import "server-only";
import type { Kysely } from "kysely";
import type { Database, User } from "@/lib/db/schema";
import type { Identifier } from "@/lib/identifier/normalize-identifier";

export async function findUserByIdentifier(db: Kysely<Database>, identifier: Identifier): Promise<User | undefined> {
  return db
    .selectFrom("users")
    .selectAll()
    .where(identifier.kind === "email" ? "email" : "mobile", "=", identifier.value)
    .executeTakeFirst();
}
