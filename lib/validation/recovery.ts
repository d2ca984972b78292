import { z } from "zod";
import { identifierField } from "./auth";
import { oneTimeCodeField } from "./one-time-code";

/** The answers are checked in submitRecoveryRequest, which words each refusal next to its field. */
const text = z.string().max(300).default("");

export const recoveryCodeSchema = z.object({ contact: identifierField });

export const recoveryRequestSchema = z.object({ contact: identifierField, code: oneTimeCodeField, account: text, registrationMonth: text, amount: text });
