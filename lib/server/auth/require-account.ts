import "server-only";
import { redirect } from "next/navigation";
import { auth } from "@/auth";
import { getDb } from "@/lib/db";
import type { Session, User } from "@/lib/db/schema";

export type SignedIn = { user: User; session: Session };

/**
 * The authoritative check for account pages and actions: a live session record and an active account.
 * Anything else goes to the sign-in page, which brings the visitor back to `returnTo` afterwards.
 */
export async function requireAccount(returnTo: string): Promise<SignedIn> {
  const session = await auth();
  const db = await getDb();
  const [user, row] = session?.user?.id && session.sessionId
    ? await Promise.all([
        db.selectFrom("users").selectAll().where("id", "=", session.user.id).executeTakeFirst(),
        db.selectFrom("sessions").selectAll().where("id", "=", session.sessionId).executeTakeFirst(),
      ])
    : [undefined, undefined];
  if (!user || !row || row.purpose !== "full" || user.status !== "active") redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  return { user, session: row };
}
