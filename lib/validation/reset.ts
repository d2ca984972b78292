import { z } from "zod";
import { identifierField } from "./auth";
import { statusCodeField } from "./account-status";

export const forgotPasswordSchema = z.object({ identifier: identifierField });

export const resetCodeSchema = z.object({ identifier: identifierField, code: statusCodeField });
