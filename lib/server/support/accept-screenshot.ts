import "server-only";
import { fileTypeFromBuffer } from "file-type";
import sharp from "sharp";
import { getConfig } from "@/lib/config";
import { Refusal } from "@/lib/server/refusal";

const ACCEPTED = { "image/png": "png", "image/jpeg": "jpeg", "image/webp": "webp" } as const;
type AcceptedMime = keyof typeof ACCEPTED;

/** Longest side kept; larger screenshots are scaled down. */
export const MAX_SCREENSHOT_SIDE = 4096;

export type Screenshot = { mime: AcceptedMime; bytes: Buffer; size: number; width: number; height: number };

type Limits = { maxBytes?: number; field?: string };

/**
 * One uploaded screenshot made safe to keep: the size is checked before anything decodes it, the type comes from
 * the bytes (never the name or the browser's word), and it is re-encoded, which drops EXIF, GPS and any payload.
 */
export async function acceptScreenshot(input: Uint8Array, { maxBytes = getConfig().SUPPORT_MAX_ATTACHMENT_BYTES, field = "screenshots" }: Limits = {}): Promise<Screenshot> {
  if (input.byteLength > maxBytes) throw new Refusal("image_too_large", { field });
  const detected = await fileTypeFromBuffer(input);
  if (!detected || !(detected.mime in ACCEPTED)) throw new Refusal("not_an_image", { field });
  const mime = detected.mime as AcceptedMime;
  try {
    const { data, info } = await sharp(input, { limitInputPixels: 64_000_000 })
      .rotate()
      .resize({ width: MAX_SCREENSHOT_SIDE, height: MAX_SCREENSHOT_SIDE, fit: "inside", withoutEnlargement: true })
      .toFormat(ACCEPTED[mime])
      .toBuffer({ resolveWithObject: true });
    return { mime, bytes: data, size: data.byteLength, width: info.width, height: info.height };
  } catch {
    // Right magic bytes, broken or hostile body.
    throw new Refusal("not_an_image", { field });
  }
}

/** Every screenshot of one message, refusing more than the configured number before decoding any. */
export async function acceptScreenshots(inputs: Uint8Array[], { maxCount = getConfig().SUPPORT_MAX_ATTACHMENTS, ...limits }: Limits & { maxCount?: number } = {}): Promise<Screenshot[]> {
  if (inputs.length > maxCount) throw new Refusal("too_many_attachments", { field: limits.field ?? "screenshots" });
  const accepted: Screenshot[] = [];
  for (const input of inputs) accepted.push(await acceptScreenshot(input, limits));
  return accepted;
}
