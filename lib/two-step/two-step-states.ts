import type { FormState } from "@/lib/error-codes";
import type { TotpEnrolment } from "./totp-enrolment";

/** The enrol form's state: the QR code and key stay shown until the first code confirms them. */
export type EnrolAuthenticatorState = FormState & { enrolment?: TotpEnrolment };

/** New backup codes travel once, in this answer only: they are never stored or logged in plain text. */
export type BackupCodesState = FormState & { codes?: string[] };
