"use server";

import { revalidatePath } from "next/cache";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { ReportTransactionState } from "@/lib/activity/report-state";
import { formatAmount } from "@/lib/activity/format-amount";
import { getDb } from "@/lib/db";
import { formatWalletTime } from "@/lib/format-wallet-time";
import { defineFormAction } from "@/lib/server/actions/define-form-action";
import { getRequestContext } from "@/lib/server/request-context";
import { reportTransaction } from "@/lib/server/transactions/report-transaction";
import { reportTransactionSchema } from "@/lib/validation/activity";

/** Opens a support case about one of the signed-in account's transactions (or answers the one already open). */
export const reportTransactionAction = defineFormAction(
  { session: "full", returnTo: "/account/activity", schema: reportTransactionSchema, echo: ["note"] },
  async ({ id, note }, { signedIn }): Promise<ReportTransactionState> => {
    const [t, tk, format, locale] = [await getTranslations("activity.report"), await getTranslations("account.kind"), await getFormatter(), await getLocale()];
    const { reference, opened } = await reportTransaction(await getDb(), {
      userId: signedIn.user.id,
      transactionId: id,
      note,
      describe: (tx) =>
        t("defaultBody", { kind: tk(tx.kind), amount: formatAmount(format, tx.amount_cents, tx.currency), counterparty: tx.counterparty, time: formatWalletTime(tx.occurred_at, locale), id: tx.id }),
      context: await getRequestContext(),
    });
    revalidatePath(`/account/activity/${id}`);
    return { ok: true, reference, alreadyOpen: !opened };
  },
);
