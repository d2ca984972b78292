import "server-only";
import type { AuthenticationResponseJSON, RegistrationResponseJSON } from "@simplewebauthn/server";
import { decodeClientDataJSON } from "@simplewebauthn/server/helpers";
import { z } from "zod";
import { Refusal } from "@/lib/server/refusal";

const base64url = z.string().min(1).max(16_384).regex(/^[A-Za-z0-9_-]+={0,2}$/);

const common = {
  id: base64url,
  rawId: base64url,
  type: z.literal("public-key"),
  authenticatorAttachment: z.enum(["platform", "cross-platform"]).optional(),
  clientExtensionResults: z.record(z.string(), z.unknown()).default({}),
};

const assertionSchema = z.object({
  ...common,
  response: z.object({ clientDataJSON: base64url, authenticatorData: base64url, signature: base64url, userHandle: base64url.optional() }),
});

const attestationSchema = z.object({
  ...common,
  response: z.object({
    clientDataJSON: base64url,
    attestationObject: base64url,
    authenticatorData: base64url.optional(),
    transports: z.array(z.string().max(32)).max(10).optional(),
    publicKeyAlgorithm: z.number().int().optional(),
    publicKey: base64url.optional(),
  }),
});

/** The challenge the browser signed, read from the client data; what a malformed answer gets is a refusal. */
function challengeOf(clientDataJSON: string): string {
  try {
    const { challenge } = decodeClientDataJSON(clientDataJSON);
    if (typeof challenge === "string" && challenge.length > 0) return challenge;
  } catch {
    // Falls through to the refusal: the browser's answer cannot be read.
  }
  throw new Refusal("passkey_invalid");
}

/** A browser's answer to a sign-in prompt (JSON text or already parsed), checked in shape before any crypto. */
export function readAssertion(input: unknown): { response: AuthenticationResponseJSON; challenge: string } {
  const parsed = assertionSchema.safeParse(typeof input === "string" ? safeJson(input) : input);
  if (!parsed.success) throw new Refusal("passkey_invalid");
  const response = parsed.data as AuthenticationResponseJSON;
  return { response, challenge: challengeOf(response.response.clientDataJSON) };
}

/** A browser's answer to a "create a passkey" prompt, checked in shape before any crypto. */
export function readAttestation(input: unknown): { response: RegistrationResponseJSON; challenge: string } {
  const parsed = attestationSchema.safeParse(typeof input === "string" ? safeJson(input) : input);
  if (!parsed.success) throw new Refusal("passkey_invalid");
  const response = parsed.data as RegistrationResponseJSON;
  return { response, challenge: challengeOf(response.response.clientDataJSON) };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
