import { z } from "zod";
import { identifierField } from "./auth";
import { oneTimeCodeField } from "./one-time-code";

export const forgotPasswordSchema = z.object({ identifier: identifierField });

export const resetCodeSchema = z.object({ identifier: identifierField, code: oneTimeCodeField });
