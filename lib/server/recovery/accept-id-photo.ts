import "server-only";
import { fileTypeFromBuffer } from "file-type";
import sharp from "sharp";
import { Refusal } from "@/lib/server/refusal";

export const ID_PHOTO_MAX_BYTES = 5 * 1024 * 1024;
const ACCEPTED = new Set(["image/png", "image/jpeg", "image/webp"]);

export type AcceptedPhoto = { mime: "image/png" | "image/jpeg" | "image/webp"; bytes: Buffer };

/**
 * An ID photo as kept: the type read from the bytes (never the name or the browser's claim), re-encoded in that
 * type so nothing but pixels survives (EXIF, GPS, embedded payloads). Refusals: photo_required, photo_too_large, photo_type.
 */
export async function acceptIdPhoto(file: Blob | null | undefined): Promise<AcceptedPhoto> {
  if (!file || file.size === 0) throw new Refusal("photo_required", { field: "photo" });
  if (file.size > ID_PHOTO_MAX_BYTES) throw new Refusal("photo_too_large", { field: "photo" });
  const input = Buffer.from(await file.arrayBuffer());
  const detected = await fileTypeFromBuffer(input);
  if (!detected || !ACCEPTED.has(detected.mime)) throw new Refusal("photo_type", { field: "photo" });
  const mime = detected.mime as AcceptedPhoto["mime"];
  try {
    const image = sharp(input, { failOn: "error" }).rotate();
    const encoded = mime === "image/png" ? image.png() : mime === "image/webp" ? image.webp() : image.jpeg({ quality: 90 });
    return { mime, bytes: await encoded.toBuffer() };
  } catch {
    throw new Refusal("photo_type", { field: "photo" });
  }
}
