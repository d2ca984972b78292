import { z } from "zod";
import type { ErrorCode } from "@/lib/error-codes";
import { identifierField } from "@/lib/validation/auth";

const code = (c: ErrorCode) => ({ error: c });

/** Six digits; full-width digits from a Chinese keyboard are folded and spaces ("123 456") ignored. */
export const oneTimeCodeField = z
  .string(code("code_required"))
  .transform((raw) => raw.normalize("NFKC").replace(/\s+/g, ""))
  .pipe(z.string().min(1, { ...code("code_required"), abort: true }).regex(/^\d{6}$/, code("code_format")));

export const requestStatusCodeSchema = z.object({ identifier: identifierField });

export const verifyStatusCodeSchema = z.object({ identifier: identifierField, code: oneTimeCodeField });
