import { z } from "zod";
import type { ErrorCode } from "@/lib/error-codes";
import { oneTimeCodeField } from "@/lib/validation/one-time-code";
import { currentPasswordField } from "@/lib/validation/auth";

const code = (c: ErrorCode) => ({ error: c });

/** "start" shows a new QR code and key; "confirm" carries the app's first code (checked by the server, which shows the QR code again on a mistake). */
export const enrolAuthenticatorSchema = z.object({
  step: z.enum(["start", "confirm"], code("invalid_input")),
  code: z.string().max(40).optional(),
});

export const smsTwoStepSchema = z.object({ turn: z.enum(["on", "off"], code("invalid_input")) });

export const noFieldsSchema = z.object({});

/** Either the password or a 6-digit code from the authenticator app. */
export const confirmIdentitySchema = z.discriminatedUnion(
  "method",
  [z.object({ method: z.literal("password"), password: currentPasswordField }), z.object({ method: z.literal("code"), code: oneTimeCodeField })],
  code("invalid_input"),
);
