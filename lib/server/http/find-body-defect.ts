import "server-only";
import type { IncomingHttpHeaders } from "node:http";
import { extractInfoFromServerReferenceId } from "next/dist/shared/lib/server-reference-info.js";

// Every server action here that reads arguments takes FormData: a browser calls it with a form body, never with
// JSON or text. Next marks in each action's id which arguments it reads; one reading none (sign-out) gets "[]".
const ACTION_BODY_TYPES = new Set(["multipart/form-data", "application/x-www-form-urlencoded"]);

function readsArguments(actionId: string): boolean {
  const { usedArgs, hasRestArgs } = extractInfoFromServerReferenceId(actionId);
  return hasRestArgs || usedArgs.some(Boolean);
}

/**
 * Why Next.js could not read this body (it would answer 500), or null when it can: a server action called
 * without form data, a multipart body that does not parse, or a server-action call without its arguments.
 */
export async function findBodyDefect(headers: IncomingHttpHeaders, body: Buffer): Promise<string | null> {
  const contentType = headers["content-type"] ?? "";
  const mediaType = contentType.split(";")[0].trim().toLowerCase();
  const actionId = headers["next-action"];
  const isActionCall = typeof actionId === "string";
  if (isActionCall && !ACTION_BODY_TYPES.has(mediaType) && readsArguments(actionId)) return "server action called without form data";
  if (mediaType !== "multipart/form-data") return null;
  const form = await new Response(new Uint8Array(body), { headers: { "content-type": contentType } }).formData().catch(() => null);
  if (!form) return "unreadable multipart body";
  // React encodes a call's arguments in the field named "0"; Next fails on a call without it.
  if (isActionCall && !form.has("0")) return "server action called without its arguments";
  return null;
}
