import { z } from "zod";
import type { ErrorCode } from "@/lib/error-codes";

const code = (c: ErrorCode) => ({ error: c });

/** A device row named by the form: its kind and id (a UUID); whose it is, the server checks. */
export const signOutDeviceSchema = z.object({
  kind: z.enum(["session", "trusted_browser"], code("device_not_found")),
  id: z.uuid(code("device_not_found")),
});

export const signOutOtherDevicesSchema = z.object({});
