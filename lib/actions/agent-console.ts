"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/lib/db";
import { defineFormAction } from "@/lib/server/actions/define-form-action";
import { findAccountByIdentifier } from "@/lib/server/agent/find-account-by-identifier";
import { freezeByAgent } from "@/lib/server/agent/freeze-by-agent";
import { unfreezeByAgent } from "@/lib/server/agent/unfreeze-by-agent";
import { unlockByAgent } from "@/lib/server/agent/unlock-by-agent";
import { getCounterStore } from "@/lib/server/counters";
import { Refusal } from "@/lib/server/refusal";
import { getRequestContext } from "@/lib/server/request-context";
import { agentChangeSchema, agentFreezeSchema, agentSearchSchema } from "@/lib/validation/agent";

const agentOnly = { session: "full" as const, role: "agent" as const, echo: ["reason", "caseRef"] };

/** Exact-identifier search, posted so the identifier stays out of addresses and logs; a match opens the account. */
export const agentSearchAction = defineFormAction({ session: "full", role: "agent", echo: ["identifier"], schema: agentSearchSchema }, async ({ identifier }) => {
  const accountId = await findAccountByIdentifier(await getDb(), identifier);
  if (!accountId) throw new Refusal("agent_account_not_found", { field: "identifier" });
  redirect(`/admin/accounts/${accountId}`);
});

/** Lifts an account's sign-in pause. */
export const agentUnlockAction = defineFormAction({ ...agentOnly, schema: agentChangeSchema }, async ({ accountId, reason }, { signedIn }) => {
  const [db, store, context] = [await getDb(), await getCounterStore(), await getRequestContext()];
  await unlockByAgent({ db, store, agentId: signedIn.user.id, userId: accountId, reason, context });
  revalidatePath(`/admin/accounts/${accountId}`);
});

/** A support freeze with a reason and a case reference. */
export const agentFreezeAction = defineFormAction({ ...agentOnly, schema: agentFreezeSchema }, async ({ accountId, reason, caseRef }, { signedIn }) => {
  await freezeByAgent({ db: await getDb(), agentId: signedIn.user.id, userId: accountId, reason, caseRef, context: await getRequestContext() });
  revalidatePath(`/admin/accounts/${accountId}`);
});

/** Lifts a support freeze or a self-freeze. */
export const agentUnfreezeAction = defineFormAction({ ...agentOnly, schema: agentChangeSchema }, async ({ accountId, reason }, { signedIn }) => {
  await unfreezeByAgent({ db: await getDb(), agentId: signedIn.user.id, userId: accountId, reason, context: await getRequestContext() });
  revalidatePath(`/admin/accounts/${accountId}`);
});
