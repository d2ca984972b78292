"use server";

import { signOut } from "@/auth";

/** Ends this browser's session record (auth.ts events.signOut) and clears the cookie. */
export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/sign-in?signedOut=1" });
}
