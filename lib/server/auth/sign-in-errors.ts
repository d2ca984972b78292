import { CredentialsSignin } from "next-auth";
import type { ErrorCode } from "@/lib/error-codes";

/**
 * Thrown by authorize(); Auth.js puts `code` in the redirect URL of direct POSTs and on the error that
 * signIn() throws to the server action. The codes never say whether an account exists.
 */
export class SignInRefused extends CredentialsSignin {
  constructor(readonly reason: Extract<ErrorCode, "invalid_credentials" | "account_unavailable" | "invalid_input">) {
    super(reason);
    this.code = reason;
  }
}
