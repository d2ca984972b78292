import NextAuth from "next-auth";
import Credentials from "next-auth/providers/credentials";
import Nodemailer from "next-auth/providers/nodemailer";
import { authConfig } from "@/auth.config";
import { getDb } from "@/lib/db";
import { getRequestContext } from "@/lib/server/request-context";
import type { AuthorizedUser } from "@/lib/server/auth/admit-verified-user";
import { authorizeCredentials } from "@/lib/server/auth/authorize-credentials";
import { completeSecondStep } from "@/lib/server/auth/complete-second-step";
import { lazyAuthAdapter } from "@/lib/server/auth/lazy-auth-adapter";
import { requestCookieJar } from "@/lib/server/http/cookie-jar";
import { authorizePasskey } from "@/lib/server/passkeys/authorize-passkey";
import { authorizeResetCode } from "@/lib/server/reset/authorize-reset-code";
import { RESET_LINK_TTL_S, sendResetLink } from "@/lib/server/reset/send-reset-link";
import { findLiveSession } from "@/lib/server/sessions/find-live-session";
import { issueSessionClaims } from "@/lib/server/sessions/issue-session-claims";
import { signOutSession } from "@/lib/server/sessions/sign-out-session";

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  adapter: lazyAuthAdapter(),
  providers: [
    Credentials({
      credentials: { identifier: {}, password: {}, remember: {} },
      authorize: async (credentials, request) => authorizeCredentials(credentials, request, await requestCookieJar()),
    }),
    // The second step after a right password: an app code, an SMS code, a backup code or a passkey.
    Credentials({
      id: "two-step",
      credentials: { method: {}, code: {}, response: {}, trust: {} },
      authorize: (credentials, request) => completeSecondStep(credentials, request),
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
        const authorized = user as Partial<AuthorizedUser>;
        const context = authorized.context ?? (await getRequestContext());
        return issueSessionClaims(db, { userId: user.id, authorized, provider: account?.provider ?? "", context });
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
      await signOutSession(await getDb(), { secret: sid, context: await getRequestContext() });
    },
  },
});
