"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/lib/db";
import { defineFormAction } from "@/lib/server/actions/define-form-action";
import { getCounterStore } from "@/lib/server/counters";
import { redeemUnlockToken } from "@/lib/server/lockout/redeem-unlock-token";
import { getRequestContext } from "@/lib/server/request-context";

/** The unlock button behind the owner's notice link (a POST: following the link alone never changes anything). */
export const unlockWithLinkAction = defineFormAction({ schema: z.object({ token: z.string().max(100).catch("") }) }, async ({ token }) => {
  const ok = token.length >= 20 && (await redeemUnlockToken(await getDb(), await getCounterStore(), { token, context: await getRequestContext() }));
  redirect(ok ? "/unlock?done=1" : "/unlock?invalid=1");
});
