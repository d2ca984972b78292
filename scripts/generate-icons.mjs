// Draws the app icons in public/ (the coin of public/icon.svg on the brand blue) with no image tools:
// `node scripts/generate-icons.mjs` after changing the design or the brand colour.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import zlib from "node:zlib";

const publicDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../public");
const BRAND = [0x14, 0x63, 0xd8]; // tailwind.config.ts brand-600, as in icon.svg
const WHITE = [0xff, 0xff, 0xff];

/** Colour at (x, y) of the 512-unit design, or null outside the rounded square. */
function designAt(x, y) {
  const r = 112;
  const cx = Math.min(Math.max(x, r), 512 - r);
  const cy = Math.min(Math.max(y, r), 512 - r);
  if ((x - cx) ** 2 + (y - cy) ** 2 > r * r) return null;
  const inDisc = (x - 256) ** 2 + (y - 256) ** 2 <= 176 * 176;
  const inHole = x >= 196 && x <= 316 && y >= 196 && y <= 316;
  return inDisc && !inHole ? WHITE : BRAND;
}

/** RGBA pixels of a size×size rendering, 4×4 samples a pixel for smooth edges. */
function render(size) {
  const pixels = Buffer.alloc(size * size * 4);
  const n = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const colour = designAt(((px + (sx + 0.5) / n) * 512) / size, ((py + (sy + 0.5) / n) * 512) / size);
          if (!colour) continue;
          for (let c = 0; c < 3; c++) sum[c] += colour[c];
          sum[3] += 1;
        }
      }
      const i = (py * size + px) * 4;
      for (let c = 0; c < 3; c++) pixels[i + c] = sum[3] ? Math.round(sum[c] / sum[3]) : 0;
      pixels[i + 3] = Math.round((sum[3] / (n * n)) * 255);
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "ascii");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])));
  return Buffer.concat([head, data, crc]);
}

function png(size) {
  const pixels = render(size);
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) pixels.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk("IHDR", ihdr), chunk("IDAT", zlib.deflateSync(rows, { level: 9 })), chunk("IEND", Buffer.alloc(0))]);
}

/** An .ico holding PNG images (every current browser reads them). */
function ico(sizes) {
  const images = sizes.map(png);
  const header = Buffer.alloc(6 + 16 * sizes.length);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(sizes.length, 4);
  let offset = header.length;
  sizes.forEach((size, i) => {
    const entry = 6 + 16 * i;
    header.writeUInt8(size % 256, entry);
    header.writeUInt8(size % 256, entry + 1);
    header.writeUInt16LE(1, entry + 4);
    header.writeUInt16LE(32, entry + 6);
    header.writeUInt32LE(images[i].length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += images[i].length;
  });
  return Buffer.concat([header, ...images]);
}

fs.writeFileSync(path.join(publicDir, "icon-192.png"), png(192));
fs.writeFileSync(path.join(publicDir, "icon-512.png"), png(512));
fs.writeFileSync(path.join(publicDir, "apple-touch-icon.png"), png(180));
fs.writeFileSync(path.join(publicDir, "favicon.ico"), ico([16, 32, 48]));
