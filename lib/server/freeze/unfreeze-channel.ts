import "server-only";
import type { User } from "@/lib/db/schema";
import type { Identifier } from "@/lib/identifier/normalize-identifier";
import type { UnfreezeMethod } from "@/lib/validation/freeze";

/** The registered email or mobile an unfreeze code goes to, or null when the method is not a channel the account has. */
export function unfreezeChannel(user: Pick<User, "email" | "mobile">, method: UnfreezeMethod): Identifier | null {
  if (method === "email" && user.email) return { kind: "email", value: user.email };
  if (method === "mobile" && user.mobile) return { kind: "mobile", value: user.mobile };
  return null;
}
