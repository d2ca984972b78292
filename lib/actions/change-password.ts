"use server";

import { getConfig } from "@/lib/config";
import { getDb } from "@/lib/db";
import { defineFormAction } from "@/lib/server/actions/define-form-action";
import { getRequestContext } from "@/lib/server/request-context";
import { changePassword } from "@/lib/server/reset/change-password";
import { currentPasswordField } from "@/lib/validation/auth";
import { newPasswordSchema } from "@/lib/validation/password";

/** Change password while signed in: the current password is required and every other session ends. */
export const changePasswordAction = defineFormAction(
  {
    session: "full",
    returnTo: "/account/security",
    schema: ({ user }) => newPasswordSchema({ ...user, composition: getConfig().PASSWORD_COMPOSITION }).extend({ current: currentPasswordField }),
  },
  async ({ current, password }, { signedIn }) => {
    await changePassword({
      db: await getDb(),
      userId: signedIn.user.id,
      keepSessionId: signedIn.session.id,
      currentPassword: current,
      password,
      context: await getRequestContext(),
    });
  },
);
