import "server-only";
import { auth } from "@/auth";
import { getDb } from "@/lib/db";
import type { Session, SessionPurpose, User } from "@/lib/db/schema";
import { isSessionLive } from "@/lib/server/sessions/session-policy";

export type SignedIn = { user: User; session: Session };

/**
 * This browser's live session, only when its record has the purpose asked for: a reset-only or second-factor
 * session never passes for a full one (nor the reverse). A full session also needs an active account. Every page,
 * action and route handler reads sessions through here; the proxy's check is only a shortcut.
 */
export async function findSignedIn(purpose: SessionPurpose): Promise<SignedIn | null> {
  const claims = await auth();
  if (!claims?.user?.id || !claims.sessionId) return null;
  const db = await getDb();
  const [user, session] = await Promise.all([
    db.selectFrom("users").selectAll().where("id", "=", claims.user.id).executeTakeFirst(),
    db.selectFrom("sessions").selectAll().where("id", "=", claims.sessionId).executeTakeFirst(),
  ]);
  if (!user || !session || session.user_id !== user.id || session.purpose !== purpose) return null;
  // Auth.js's jwt callback checks this too; checked again here so that no reader depends on it.
  if (!isSessionLive(session, Date.now())) return null;
  if (purpose === "full" && user.status !== "active") return null;
  return { user, session };
}
