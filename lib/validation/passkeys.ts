import { z } from "zod";
import type { ErrorCode } from "@/lib/error-codes";
import { callbackPathField } from "./auth";

const code = (c: ErrorCode) => ({ error: c });

export const PASSKEY_NAME_MAX = 60;

/** What the browser answered, as JSON text; its shape is checked on the server before any cryptography. */
const webauthnResponseField = z.string(code("passkey_invalid")).min(2, code("passkey_invalid")).max(32_768, code("passkey_invalid"));

export const passkeyNameField = z
  .string(code("passkey_name_required"))
  .transform((v) => v.normalize("NFKC").replace(/\s+/g, " ").trim())
  .pipe(z.string().min(1, code("passkey_name_required")).max(PASSKEY_NAME_MAX, code("passkey_name_too_long")));

export const addPasskeySchema = z.object({ name: passkeyNameField, response: webauthnResponseField });

export const removePasskeySchema = z.object({ id: z.string(code("passkey_not_found")).min(1, code("passkey_not_found")).max(1024, code("passkey_not_found")) });

export const passkeySignInSchema = z.object({ response: webauthnResponseField, callbackUrl: callbackPathField });
