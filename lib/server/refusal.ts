import "server-only";
import { CredentialsSignin } from "@auth/core/errors";
import type { ErrorCode } from "@/lib/error-codes";

/**
 * The one way the server says no: a code from the catalogue (the UI words it), when a pause or limit ends, and
 * the form field it belongs to. It extends Auth.js's CredentialsSignin so that a refusal thrown inside a
 * provider's authorize() reaches the form (and a direct POST's redirect URL) with its code intact.
 */
export class Refusal extends CredentialsSignin {
  declare code: ErrorCode;

  constructor(
    code: ErrorCode,
    readonly options: { until?: number; field?: string } = {},
  ) {
    super(code);
    this.code = code;
  }

  get until(): number | undefined {
    return this.options.until;
  }

  get field(): string | undefined {
    return this.options.field;
  }
}
