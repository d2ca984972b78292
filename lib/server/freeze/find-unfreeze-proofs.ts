import "server-only";
import type { Kysely } from "kysely";
import type { Database, User } from "@/lib/db/schema";
import { findTwoStepMethods, hasTwoStep } from "@/lib/server/two-step/find-two-step-methods";
import type { UnfreezeMethod } from "@/lib/validation/freeze";

/** What the unfreeze form offers besides the password, in the order shown; the owner already knows all of it. */
export async function findUnfreezeProofs(db: Kysely<Database>, user: Pick<User, "id" | "email" | "mobile">): Promise<UnfreezeMethod[]> {
  const methods = await findTwoStepMethods(db, user.id);
  if (!hasTwoStep(methods)) return [...(user.email ? (["email"] as const) : []), ...(user.mobile ? (["mobile"] as const) : [])];
  const offered: UnfreezeMethod[] = [];
  if (methods.totp) offered.push("totp");
  if (methods.sms) offered.push("sms");
  if (methods.backupCodes > 0) offered.push("backup");
  return offered;
}
