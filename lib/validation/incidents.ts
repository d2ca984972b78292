import semver from "semver";
import { z } from "zod";
import { isClientVersion } from "@/lib/app-versions/client-compat-status";
import { AGENT_REASON_MAX, AGENT_REASON_MIN } from "./agent";

export const INCIDENT_SEVERITIES = ["minor", "major"] as const;
export const INCIDENT_STATUSES = ["investigating", "identified", "monitoring", "resolved"] as const;
export const CLIENT_PLATFORMS = ["ios", "android", "harmony"] as const;
export const INCIDENT_FEATURES = ["sign_in", "password_reset", "verification_codes", "payments", "mobile_app"] as const;
export type IncidentFeature = (typeof INCIDENT_FEATURES)[number];

/** The features without which a user cannot get into the account: an incident touching one is shown on the sign-in pages. */
const SIGN_IN_FEATURES: readonly IncidentFeature[] = ["sign_in", "password_reset", "verification_codes"];

/** Whether an incident affecting these features stops people signing in; the one place the flag is derived. */
export function featuresAffectSignIn(features: readonly IncidentFeature[]): boolean {
  return features.some((feature) => SIGN_IN_FEATURES.includes(feature));
}

/** The form field of one feature's checkbox (one field each, as a form posts only the last of repeated names here). */
export const featureField = (feature: IncidentFeature) => `feature_${feature}` as const;

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

// A checkbox: present ("on") when ticked, absent otherwise.
const ticked = z.literal("on", { error: "invalid_input" }).optional();
const featureBoxes = Object.fromEntries(INCIDENT_FEATURES.map((feature) => [featureField(feature), ticked])) as Record<ReturnType<typeof featureField>, typeof ticked>;

export const incidentCreateSchema = z
  .object({
    titleZh: title,
    titleEn: title,
    bodyZh: body,
    bodyEn: body,
    severity: z.enum(INCIDENT_SEVERITIES, { error: "invalid_input" }),
    ...featureBoxes,
    reason,
  })
  // Checked even when another field is wrong, so every message shows at once.
  .refine((value) => INCIDENT_FEATURES.some((feature) => value[featureField(feature)] === "on"), {
    error: "incident_features_required",
    path: ["features"],
    when: (payload) => typeof payload.value === "object" && payload.value !== null,
  })
  .transform(({ titleZh, titleEn, bodyZh, bodyEn, severity, reason, ...boxes }) => ({
    titleZh,
    titleEn,
    bodyZh,
    bodyEn,
    severity,
    reason,
    features: INCIDENT_FEATURES.filter((feature) => boxes[featureField(feature)] === "on"),
  }));

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
