import { z } from "zod";
import { CASE_REF_PATTERN } from "./freeze";
import { TICKET_TEXT_MAX } from "./support";

export const AGENT_REASON_MIN = 5;
export const AGENT_REASON_MAX = 500;

/** Every console change says why, in words the next reviewer can read. */
const reason = z
  .string({ error: "agent_reason_required" })
  .trim()
  .min(AGENT_REASON_MIN, { error: "agent_reason_required" })
  .max(AGENT_REASON_MAX, { error: "agent_reason_too_long" });

const accountId = z.string({ error: "invalid_input" }).min(1, { error: "invalid_input" }).max(64, { error: "invalid_input" });

export const agentChangeSchema = z.object({ accountId, reason });

export const agentFreezeSchema = z.object({
  accountId,
  reason,
  caseRef: z.string({ error: "case_ref_invalid" }).trim().regex(CASE_REF_PATTERN, { error: "case_ref_invalid" }),
});

export const agentSearchSchema = z.object({ identifier: z.string({ error: "identifier_required" }).max(256, { error: "identifier_too_long" }) });

const reference = z.string({ error: "ticket_not_found" }).regex(/^QN-\d{4}-\d{6}$/, { error: "ticket_not_found" });

export const agentTicketReplySchema = z.object({ reference, body: z.string({ error: "ticket_text_required" }).trim().min(1, { error: "ticket_text_required" }).max(TICKET_TEXT_MAX, { error: "ticket_text_required" }) });

export const agentTicketCloseSchema = z.object({ reference, reason });

const recoveryReference = z.string({ error: "recovery_not_pending" }).regex(/^QN-\d{4}-\d{6}$/, { error: "recovery_not_pending" });

export const agentRecoveryDecisionSchema = z.object({ reference: recoveryReference, reason });
