import type { FormState } from "@/lib/error-codes";

/** What reporting a transaction answers: the case's reference, and whether it was already open. */
export type ReportTransactionState = FormState & { reference?: string; alreadyOpen?: boolean };
