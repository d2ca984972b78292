"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/lib/db";
import { getCounterStore } from "@/lib/server/counters";
import { redeemUnlockToken } from "@/lib/server/lockout/redeem-unlock-token";
import { getRequestContext } from "@/lib/server/request-context";

const schema = z.object({ token: z.string().min(20).max(100) });

/** The unlock button (a POST: following the link alone never changes anything). */
export async function unlockAction(formData: FormData): Promise<void> {
  const parsed = schema.safeParse({ token: formData.get("token") });
  const ok =
    parsed.success &&
    (await redeemUnlockToken(await getDb(), await getCounterStore(), { token: parsed.data.token, context: await getRequestContext() }));
  redirect(ok ? "/unlock?done=1" : "/unlock?invalid=1");
}
