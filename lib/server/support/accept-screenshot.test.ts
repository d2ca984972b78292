import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { outcomeOf } from "@/test/outcome";
import { acceptScreenshot, acceptScreenshots } from "./accept-screenshot";

const image = (format: "png" | "jpeg" | "webp", width = 40, height = 30) =>
  sharp({ create: { width, height, channels: 3, background: { r: 200, g: 30, b: 30 } } }).toFormat(format).toBuffer();

describe("acceptScreenshot", () => {
  it("keeps a PNG and a WebP as what their bytes say, with their size", async () => {
    const png = await acceptScreenshot(await image("png"));
    expect(png).toMatchObject({ mime: "image/png", width: 40, height: 30 });
    expect(png.size).toBe(png.bytes.byteLength);
    expect((await acceptScreenshot(await image("webp"))).mime).toBe("image/webp");
  });

  it("drops a JPEG's EXIF, GPS position included", async () => {
    const withGps = await sharp(await image("jpeg"))
      .withExif({ IFD0: { Make: "Spyphone" }, IFD3: { GPSLatitudeRef: "N", GPSLatitude: "39/1 54/1 0/1" } })
      .jpeg()
      .toBuffer();
    expect((await sharp(withGps).metadata()).exif).toBeDefined();
    const kept = await acceptScreenshot(withGps);
    expect(kept.mime).toBe("image/jpeg");
    expect((await sharp(kept.bytes).metadata()).exif).toBeUndefined();
    expect(kept.bytes.includes(Buffer.from("Spyphone"))).toBe(false);
  });

  it("scales a huge screenshot down to 4096 px on its longest side", async () => {
    const kept = await acceptScreenshot(await image("png", 5000, 100));
    expect([kept.width, kept.height]).toEqual([4096, 82]);
  });

  it("refuses a program named .png, text, and a PNG header with a broken body", async () => {
    const exe = Buffer.concat([Buffer.from("MZ\x90\x00\x03\x00\x00\x00", "binary"), Buffer.alloc(200)]);
    expect(await outcomeOf(acceptScreenshot(exe))).toMatchObject({ refused: "not_an_image" });
    expect(await outcomeOf(acceptScreenshot(Buffer.from("hello")))).toMatchObject({ refused: "not_an_image" });
    const png = await image("png");
    expect(await outcomeOf(acceptScreenshot(png.subarray(0, 40)))).toMatchObject({ refused: "not_an_image" });
  });

  it("refuses a 6 MB image before decoding it", async () => {
    const big = Buffer.concat([await image("png"), Buffer.alloc(6 * 1024 * 1024)]);
    expect(await outcomeOf(acceptScreenshot(big))).toMatchObject({ refused: "image_too_large" });
  });

  it("refuses a sixth screenshot", async () => {
    const png = await image("png");
    expect(await acceptScreenshots(Array(5).fill(png))).toHaveLength(5);
    expect(await outcomeOf(acceptScreenshots(Array(6).fill(png)))).toMatchObject({ refused: "too_many_attachments" });
  });
});
