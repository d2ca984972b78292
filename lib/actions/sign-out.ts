"use server";

import { z } from "zod";
import { signOut } from "@/auth";
import { defineFormAction } from "@/lib/server/actions/define-form-action";

/** Ends this browser's session record (auth.ts events.signOut) and clears the cookie. */
export const signOutAction = defineFormAction({ schema: z.object({}) }, async () => {
  await signOut({ redirectTo: "/sign-in?signedOut=1" });
});
