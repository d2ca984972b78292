"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/lib/db";
import { defineFormAction } from "@/lib/server/actions/define-form-action";
import { getCounterStore } from "@/lib/server/counters";
import { getRequestContext } from "@/lib/server/request-context";
import { confirmIdentity } from "@/lib/server/two-step/confirm-identity";
import { confirmIdentitySchema } from "@/lib/validation/two-step";

/** "Confirm it's you" with the password or an authenticator code: sign-in methods may then change for 10 minutes. */
export const confirmIdentityAction = defineFormAction(
  { session: "full", returnTo: "/account/security", schema: confirmIdentitySchema },
  async (input, { signedIn }) => {
    const proof = input.method === "password" ? { password: input.password } : { code: input.code };
    const [db, store, context] = [await getDb(), await getCounterStore(), await getRequestContext()];
    await confirmIdentity({ db, store, user: signedIn.user, session: signedIn.session, context, proof });
    revalidatePath("/account/security");
  },
);
