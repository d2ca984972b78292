import semver from "semver";
import { z } from "zod";
import { isClientVersion } from "@/lib/app-versions/client-compat-status";
import { AGENT_REASON_MAX, AGENT_REASON_MIN } from "./agent";

export const INCIDENT_SEVERITIES = ["minor", "major"] as const;
export const INCIDENT_STATUSES = ["investigating", "identified", "monitoring", "resolved"] as const;
export const CLIENT_PLATFORMS = ["ios", "android", "harmony"] as const;

export const INCIDENT_TITLE_MAX = 120;
export const INCIDENT_BODY_MAX = 2000;
export const VERSION_MESSAGE_MAX = 300;

const reason = z
  .string({ error: "agent_reason_required" })
  .trim()
  .min(AGENT_REASON_MIN, { error: "agent_reason_required" })
  .max(AGENT_REASON_MAX, { error: "agent_reason_too_long" });

const text = (max: number, required: "incident_text_required" | "version_message_required") =>
  z.string({ error: required }).trim().min(1, { error: required }).max(max, { error: "incident_text_too_long" });

const title = text(INCIDENT_TITLE_MAX, "incident_text_required");
const body = text(INCIDENT_BODY_MAX, "incident_text_required");

export const incidentCreateSchema = z.object({
  titleZh: title,
  titleEn: title,
  bodyZh: body,
  bodyEn: body,
  severity: z.enum(INCIDENT_SEVERITIES, { error: "invalid_input" }),
  // A checkbox: present ("on") when ticked, absent otherwise.
  affectsSignIn: z.literal("on", { error: "invalid_input" }).optional().transform((value) => value === "on"),
  reason,
});

export const incidentUpdateSchema = z.object({
  incidentId: z.string({ error: "invalid_input" }).min(1, { error: "invalid_input" }).max(64, { error: "invalid_input" }),
  status: z.enum(INCIDENT_STATUSES, { error: "invalid_input" }),
  bodyZh: body,
  bodyEn: body,
  reason,
});

const version = z
  .string({ error: "version_invalid" })
  .trim()
  // The same grammar the apps report in (/api/client-compat), so every version a rule answers with is one an app can send back.
  .refine(isClientVersion, { error: "version_invalid" });

/** A version rule: valid semver on both ends, the minimum never above the latest, an https store link. */
export const versionRuleSchema = z
  .object({
    platform: z.enum(CLIENT_PLATFORMS, { error: "invalid_input" }),
    minimum: version,
    latest: version,
    updateUrl: z
      .string({ error: "update_url_invalid" })
      .trim()
      .max(500, { error: "update_url_invalid" })
      .refine((value) => URL.canParse(value) && new URL(value).protocol === "https:", { error: "update_url_invalid" }),
    messageZh: text(VERSION_MESSAGE_MAX, "version_message_required"),
    messageEn: text(VERSION_MESSAGE_MAX, "version_message_required"),
    reason,
  })
  .refine(({ minimum, latest }) => !semver.valid(minimum) || !semver.valid(latest) || semver.lte(minimum, latest), { error: "version_minimum_above_latest", path: ["minimum"] });
