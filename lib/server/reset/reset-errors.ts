import "server-only";
import { CredentialsSignin } from "next-auth";
import type { ErrorCode } from "@/lib/error-codes";

export class ResetCodeRefused extends CredentialsSignin {
  constructor(readonly reason: Extract<ErrorCode, "code_incorrect" | "code_invalid" | "rate_limited">) {
    super(reason);
    this.code = reason;
  }
}
