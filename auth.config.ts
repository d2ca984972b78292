import type { NextAuthConfig } from "next-auth";
import { decode, encode } from "next-auth/jwt";
import { markSessionToken, unmarkSessionToken } from "@/lib/session-token-marker";

declare module "@auth/core/jwt" {
  interface JWT {
    /** Secret of this browser's row in the sessions table (only its hash is stored). */
    sid?: string;
    /** Public id of that row (safe to show, used to mark "this device"). */
    sessionId?: string;
    /** "reset": proof of email or SMS that may only set a new password; "second_factor": a second step is owed. */
    purpose?: "full" | "reset" | "second_factor";
    /** "Keep me signed in": without it the cookie ends with the browser session. */
    persistent?: boolean;
  }
}

declare module "next-auth" {
  interface Session {
    sessionId?: string;
    purpose?: "full" | "reset" | "second_factor";
  }
}

/**
 * The part of the Auth.js configuration that needs no database: proxy.ts uses it for an optimistic
 * check; auth.ts adds the providers and the session-record checks.
 */
export const authConfig = {
  trustHost: true,
  pages: { signIn: "/sign-in", error: "/sign-in" },
  // The cookie may live 30 days ("keep me signed in"); each session's record in the database decides sooner.
  session: { strategy: "jwt", maxAge: 30 * 86_400 },
  // The marker lets the HTTP layer drop the cookie's expiry when the session must end with the browser.
  jwt: {
    encode: async (params) => markSessionToken(await encode(params), params.token?.persistent === true),
    decode: (params) => decode({ ...params, token: params.token && unmarkSessionToken(params.token) }),
  },
  providers: [],
  callbacks: {
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      session.sessionId = token.sessionId;
      session.purpose = token.purpose ?? "full";
      return session;
    },
  },
  logger: {
    // A wrong password is not a server error; everything else is still logged.
    error(error) {
      if ((error as { type?: string }).type === "CredentialsSignin") return;
      console.error(error);
    },
  },
} satisfies NextAuthConfig;
