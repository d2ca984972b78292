import { z } from "zod";
import { CLIENT_VERSION_MAX, isClientVersion } from "@/lib/app-versions/client-compat-status";
import { CLIENT_PLATFORMS } from "./incidents";

export type ClientCompatFieldError = "platform_required" | "platform_invalid" | "version_required" | "version_too_long" | "version_invalid" | "query_unexpected";
export type ClientCompatQuery = { platform: (typeof CLIENT_PLATFORMS)[number]; version: string };
export type ClientCompatQueryResult = { ok: true; query: ClientCompatQuery } | { ok: false; fields: Record<string, ClientCompatFieldError> };

const KNOWN = ["platform", "version"];

const schema = z.object({
  platform: z.enum(CLIENT_PLATFORMS, { error: (issue) => (issue.input === undefined || issue.input === "" ? "platform_required" : "platform_invalid") }),
  version: z
    .string({ error: "version_required" })
    .min(1, { error: "version_required" })
    .max(CLIENT_VERSION_MAX, { error: "version_too_long" })
    .refine(isClientVersion, { error: "version_invalid", abort: true }),
});

/** The version check's query: exactly one platform and one version, nothing else (a client sending more has a bug worth seeing). */
export function parseClientCompatQuery(params: URLSearchParams): ClientCompatQueryResult {
  const fields: Record<string, ClientCompatFieldError> = {};
  const names = [...params.keys()];
  if (names.some((name) => !KNOWN.includes(name)) || KNOWN.some((name) => params.getAll(name).length > 1)) fields.query = "query_unexpected";
  const parsed = schema.safeParse({ platform: params.get("platform") ?? undefined, version: params.get("version") ?? undefined });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) fields[String(issue.path[0])] ??= issue.message as ClientCompatFieldError;
  }
  if (!parsed.success || fields.query) return { ok: false, fields };
  return { ok: true, query: parsed.data };
}
