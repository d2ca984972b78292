import NextAuth from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { authConfig } from "@/auth.config";
import { getDb } from "@/lib/db";
import { recordSecurityEvent } from "@/lib/server/audit/record-security-event";
import { getRequestContext } from "@/lib/server/request-context";
import { authorizeCredentials, type AuthorizedUser } from "@/lib/server/auth/authorize-credentials";
import { createSession } from "@/lib/server/sessions/create-session";
import { endSession } from "@/lib/server/sessions/end-session";
import { findLiveSession } from "@/lib/server/sessions/find-live-session";

declare module "@auth/core/jwt" {
  interface JWT {
    /** Secret of this browser's row in the sessions table (only its hash is stored). */
    sid?: string;
    /** Public id of that row (safe to show, used to mark "this device"). */
    sessionId?: string;
  }
}

declare module "next-auth" {
  interface Session {
    sessionId?: string;
  }
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  providers: [
    Credentials({
      credentials: { identifier: {}, password: {}, remember: {} },
      authorize: (credentials, request) => authorizeCredentials(credentials, request),
    }),
  ],
  callbacks: {
    ...authConfig.callbacks,
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      session.sessionId = token.sessionId;
      return session;
    },
    // Sessions are JWT cookies that point at a server-side record; deleting the record revokes them.
    async jwt({ token, user }) {
      const db = await getDb();
      if (user) {
        const authorized = user as unknown as AuthorizedUser;
        const session = await createSession(db, {
          userId: authorized.id,
          persistent: authorized.remember,
          context: authorized.context,
        });
        return { sub: authorized.id, sid: session.secret, sessionId: session.id };
      }
      if (!token.sid || !token.sub) return null;
      const session = await findLiveSession(db, token.sid);
      return session?.user_id === token.sub ? token : null;
    },
  },
  events: {
    async signOut(message) {
      const sid = "token" in message ? message.token?.sid : undefined;
      if (!sid) return;
      const db = await getDb();
      const userId = await endSession(db, sid);
      if (userId) await recordSecurityEvent(db, { type: "signed_out", userId, context: await getRequestContext() });
    },
  },
});
