import type { NextAuthConfig } from "next-auth";

/**
 * The part of the Auth.js configuration that needs no database: proxy.ts uses it for an optimistic
 * check; auth.ts adds the providers and the session-record checks.
 */
export const authConfig = {
  trustHost: true,
  pages: { signIn: "/sign-in", error: "/sign-in" },
  // The cookie may live 30 days ("keep me signed in"); each session's record in the database decides sooner.
  session: { strategy: "jwt", maxAge: 30 * 86_400 },
  providers: [],
  callbacks: {
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
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
