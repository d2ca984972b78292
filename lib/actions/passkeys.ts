"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/lib/db";
import { defineFormAction } from "@/lib/server/actions/define-form-action";
import { registerPasskey } from "@/lib/server/passkeys/register-passkey";
import { removePasskey } from "@/lib/server/passkeys/remove-passkey";
import { getRequestContext } from "@/lib/server/request-context";
import { addPasskeySchema, removePasskeySchema } from "@/lib/validation/passkeys";

const SECURITY_PAGE = "/account/security";

/** Stores the passkey the browser just created for the signed-in account (recent proof required). */
export const addPasskeyAction = defineFormAction(
  { session: "full", returnTo: SECURITY_PAGE, schema: addPasskeySchema, echo: ["name"] },
  async ({ name, response }, { signedIn }) => {
    await registerPasskey(await getDb(), { userId: signedIn.user.id, session: signedIn.session, name, response, context: await getRequestContext() });
    revalidatePath(SECURITY_PAGE);
  },
);

/** Removes one of the signed-in account's passkeys (recent proof required). */
export const removePasskeyAction = defineFormAction(
  { session: "full", returnTo: SECURITY_PAGE, schema: removePasskeySchema },
  async ({ id }, { signedIn }) => {
    await removePasskey(await getDb(), { userId: signedIn.user.id, session: signedIn.session, passkeyId: id, context: await getRequestContext() });
    revalidatePath(SECURITY_PAGE);
  },
);
