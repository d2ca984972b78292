import "server-only";
import type { TwoStepMethods } from "./find-two-step-methods";

/**
 * Support agents act on other people's accounts: they need an authenticator app or a passkey (SMS can be
 * redirected, backup codes are a way back in, not a second factor); until then the agent console stays closed.
 */
export function mayOpenAgentConsole(role: string, methods: TwoStepMethods): boolean {
  return role === "agent" && (methods.totp || methods.passkeys > 0);
}
