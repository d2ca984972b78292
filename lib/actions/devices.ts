"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/lib/db";
import { defineFormAction } from "@/lib/server/actions/define-form-action";
import { findThisTrustedBrowser } from "@/lib/server/devices/find-this-trusted-browser";
import { signOutDevice } from "@/lib/server/devices/sign-out-device";
import { signOutOtherDevices } from "@/lib/server/devices/sign-out-other-devices";
import { getRequestContext } from "@/lib/server/request-context";
import { signOutDeviceSchema, signOutOtherDevicesSchema } from "@/lib/validation/devices";

const SECURITY_PAGE = "/account/security";

/** Signs one of the signed-in account's other browsers out, or stops trusting one. */
export const signOutDeviceAction = defineFormAction(
  { session: "full", returnTo: SECURITY_PAGE, schema: signOutDeviceSchema },
  async ({ kind, id }, { signedIn }) => {
    await signOutDevice(await getDb(), { userId: signedIn.user.id, currentSessionId: signedIn.session.id, kind, id, context: await getRequestContext() });
    revalidatePath(SECURITY_PAGE);
    // The kind words the answer: "signed out" or "no longer trusted".
    return { ok: true, values: { kind } };
  },
);

/** Signs out every browser of the signed-in account but this one. */
export const signOutOtherDevicesAction = defineFormAction(
  { session: "full", returnTo: SECURITY_PAGE, schema: signOutOtherDevicesSchema },
  async (_input, { signedIn }) => {
    const db = await getDb();
    const userId = signedIn.user.id;
    const currentTrustedBrowserId = await findThisTrustedBrowser(db, { userId });
    await signOutOtherDevices(db, { userId, currentSessionId: signedIn.session.id, currentTrustedBrowserId, context: await getRequestContext() });
    revalidatePath(SECURITY_PAGE);
  },
);
