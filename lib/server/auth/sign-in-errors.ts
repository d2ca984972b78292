import "server-only";
import { CredentialsSignin } from "next-auth";
import type { ErrorCode } from "@/lib/error-codes";

export type SignInRefusal = Extract<
  ErrorCode,
  "invalid_credentials" | "account_unavailable" | "account_frozen" | "invalid_input" | "sign_in_paused" | "ip_throttled" | "rate_limited"
>;

/**
 * Thrown by authorize(); Auth.js puts `code` in the redirect URL of direct POSTs and on the error that
 * signIn() throws to the server action. No code says whether an account exists: a paused phantom
 * identifier is refused exactly like a paused real one.
 */
export class SignInRefused extends CredentialsSignin {
  constructor(
    readonly reason: SignInRefusal,
    /** When a pause or throttle ends (epoch ms). */
    readonly until?: number,
  ) {
    super(reason);
    this.code = reason;
  }
}
