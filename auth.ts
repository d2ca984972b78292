import NextAuth from "next-auth";
import Credentials from "next-auth/providers/credentials";
import Nodemailer from "next-auth/providers/nodemailer";
import { authConfig } from "@/auth.config";
import { getDb } from "@/lib/db";
import { recordSecurityEvent } from "@/lib/server/audit/record-security-event";
import { getRequestContext } from "@/lib/server/request-context";
import { authorizeCredentials, type AuthorizedUser } from "@/lib/server/auth/authorize-credentials";
import { lazyAuthAdapter } from "@/lib/server/auth/lazy-auth-adapter";
import { authorizePasskey } from "@/lib/server/passkeys/authorize-passkey";
import { authorizeResetCode } from "@/lib/server/reset/authorize-reset-code";
import { RESET_LINK_TTL_S, sendResetLink } from "@/lib/server/reset/send-reset-link";
import { createSession } from "@/lib/server/sessions/create-session";
import { endSession } from "@/lib/server/sessions/end-session";
import { findLiveSession } from "@/lib/server/sessions/find-live-session";

// Proof of the email link or the SMS code gives a reset-only session.
const RESET_PROVIDERS = new Set(["nodemailer", "sms-reset"]);

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  adapter: lazyAuthAdapter(),
  providers: [
    Credentials({
      credentials: { identifier: {}, password: {}, remember: {} },
      authorize: (credentials, request) => authorizeCredentials(credentials, request),
    }),
    // A passkey alone signs in: it proves two factors, so no second step follows.
    Credentials({
      id: "passkey",
      credentials: { response: {} },
      authorize: (credentials, request) => authorizePasskey(credentials, request),
    }),
    Credentials({
      id: "sms-reset",
      credentials: { identifier: {}, code: {} },
      authorize: (credentials, request) => authorizeResetCode(credentials, request),
    }),
    // The transport is ours (the outbox): this server address is never used.
    Nodemailer({ server: "smtp://localhost:25", maxAge: RESET_LINK_TTL_S, sendVerificationRequest: sendResetLink }),
  ],
  callbacks: {
    ...authConfig.callbacks,
    // Sessions are JWT cookies that point at a server-side record; deleting the record revokes them.
    async jwt({ token, user, account }) {
      const db = await getDb();
      if (user?.id) {
        const purpose = RESET_PROVIDERS.has(account?.provider ?? "") ? "reset" : "full";
        const context = (user as Partial<AuthorizedUser>).context ?? (await getRequestContext());
        const persistent = purpose === "full" && Boolean((user as Partial<AuthorizedUser>).remember);
        const session = await createSession(db, { userId: user.id, persistent, context, purpose });
        if (purpose === "reset") await recordSecurityEvent(db, { type: "reset_link_followed", userId: user.id, context, detail: { via: account?.provider ?? "" } });
        return { sub: user.id, sid: session.secret, sessionId: session.id, purpose, persistent };
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
