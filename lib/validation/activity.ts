import { z } from "zod";
import { decodeTransactionCursor, type TransactionCursor } from "@/lib/activity/transaction-cursor";
import { isWalletMonth, type WalletMonth } from "@/lib/activity/wallet-month";
import type { ErrorCode } from "@/lib/error-codes";
import type { TransactionKind } from "@/lib/db/schema";

const code = (c: ErrorCode) => ({ error: c });

export const TRANSACTION_KINDS = ["top_up", "payment", "transfer_in", "transfer_out", "refund", "withdrawal"] as const satisfies readonly TransactionKind[];
export const REPORT_NOTE_MAX = 500;

/** Empty (the form's "all") is no filter; anything else must be valid or it is dropped. */
const optional = <T>(check: z.ZodType<T>) => z.preprocess((v) => (v === "" ? undefined : v), check.optional());

const filtersSchema = z.object({
  month: optional(z.string().refine(isWalletMonth)),
  kind: optional(z.enum(TRANSACTION_KINDS)),
  after: optional(z.string().transform((v, ctx) => decodeTransactionCursor(v) ?? (ctx.addIssue({ code: "custom", message: "cursor" }), z.NEVER))),
});

export type ActivityFilters = { month?: WalletMonth; kind?: TransactionKind; after?: TransactionCursor };

/**
 * The list's GET parameters. A value that does not parse is never an error page: the filters fall back to the
 * first page of everything, and `ignored` says so.
 */
export function parseActivityFilters(params: Record<string, string | string[] | undefined>): ActivityFilters & { ignored: boolean } {
  const parsed = filtersSchema.safeParse({ month: params.month, kind: params.kind, after: params.after });
  if (!parsed.success) return { ignored: true };
  return { month: parsed.data.month as WalletMonth | undefined, kind: parsed.data.kind, after: parsed.data.after, ignored: false };
}

export const reportTransactionSchema = z.object({
  id: z.string(code("transaction_not_found")).min(1, code("transaction_not_found")).max(100, code("transaction_not_found")),
  note: z
    .string()
    .optional()
    .transform((v) => v?.trim() ?? "")
    .pipe(z.string().max(REPORT_NOTE_MAX, code("report_note_too_long")))
    .transform((v) => v || null),
});
