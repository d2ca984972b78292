import type { PublicKeyCredentialCreationOptionsJSON, PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/browser";
import { isErrorCode, type ErrorCode } from "@/lib/error-codes";

type OptionsFor = { sign_in: PublicKeyCredentialRequestOptionsJSON; register: PublicKeyCredentialCreationOptionsJSON };

export class PasskeyPromptError extends Error {
  constructor(readonly code: ErrorCode) {
    super(code);
  }
}

/** Fresh options (and a single-use challenge) for the browser's passkey prompt; a refusal carries its code. */
export async function fetchPasskeyOptions<P extends keyof OptionsFor>(purpose: P): Promise<OptionsFor[P]> {
  let response: Response;
  try {
    response = await fetch("/api/passkeys/options", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ purpose }) });
  } catch {
    throw new PasskeyPromptError("network_failed");
  }
  const body = (await response.json().catch(() => null)) as { code?: unknown } | null;
  if (!response.ok) throw new PasskeyPromptError(isErrorCode(body?.code) ? body.code : "unavailable");
  return body as OptionsFor[P];
}

/** The words for a failed prompt: closed or timed out by the user, or anything else the browser refused. */
export function promptErrorCode(error: unknown): ErrorCode {
  if (error instanceof PasskeyPromptError) return error.code;
  const name = (error as { name?: unknown } | null)?.name;
  if (name === "NotAllowedError" || name === "AbortError") return "passkey_cancelled";
  return "passkey_invalid";
}
