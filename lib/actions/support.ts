"use server";

import { redirect } from "next/navigation";
import { getLocale } from "next-intl/server";
import { getDb } from "@/lib/db";
import type { FormState } from "@/lib/error-codes";
import { defineFormAction } from "@/lib/server/actions/define-form-action";
import { Refusal } from "@/lib/server/refusal";
import { acceptScreenshots } from "@/lib/server/support/accept-screenshot";
import { findSupportOwner } from "@/lib/server/support/find-support-owner";
import { openTicket } from "@/lib/server/support/open-ticket";
import { replyAsUser } from "@/lib/server/support/reply-as-user";
import { looksLikeSecret } from "@/lib/support/looks-like-secret";
import { newTicketSchema, ticketReplySchema } from "@/lib/validation/support";

/** The chosen files; an empty file input still sends one nameless, empty part. */
async function screenshotsOf(formData: FormData) {
  const files = formData.getAll("screenshots").filter((f): f is File => f instanceof File && f.size > 0);
  return acceptScreenshots(await Promise.all(files.map(async (f) => new Uint8Array(await f.arrayBuffer()))));
}

/** Text that looks like a password or a code goes only once the user ticked that it is not one. */
function secretCheck(body: string, confirmNoSecret: boolean): FormState | null {
  return looksLikeSecret(body) && !confirmNoSecret ? { fieldErrors: { body: ["ticket_looks_secret"] } } : null;
}

/** Opens a ticket for the signed-in account, then shows it. */
export const openTicketAction = defineFormAction(
  { schema: newTicketSchema, echo: ["category", "body"] },
  async ({ category, body, confirmNoSecret }, { formData }) => {
    const owner = await findSupportOwner();
    if (!owner) throw new Refusal("ownership_expired");
    const flagged = secretCheck(body, confirmNoSecret);
    if (flagged) return { ...flagged, values: { category, body } };
    const screenshots = await screenshotsOf(formData);
    const { reference } = await openTicket(await getDb(), { owner, category, body, screenshots, locale: await getLocale() });
    redirect(`/support/${reference}`);
  },
);

/** Adds the owner's reply to one of their tickets. */
export const replyTicketAction = defineFormAction({ schema: ticketReplySchema }, async ({ reference, body, confirmNoSecret }, { formData }) => {
  const owner = await findSupportOwner();
  if (!owner) throw new Refusal("ownership_expired");
  const flagged = secretCheck(body, confirmNoSecret);
  if (flagged) return { ...flagged, values: { body } };
  await replyAsUser(await getDb(), { reference, owner, body, screenshots: await screenshotsOf(formData) });
  return { ok: true };
});
