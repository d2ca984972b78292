import "server-only";
import zlib from "node:zlib";

/**
 * A page body kept as the text between the occurrences of its nonce, each piece deflated once. A response with a
 * fresh nonce is then gzip assembled from those pieces (only the nonce is compressed per request): each piece is
 * its own deflate stream ended by a sync flush, so the pieces hold no references to each other and concatenate.
 */
export type NoncedBody = { pieces: Buffer[]; deflated: Buffer[] };

const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 0xff]);
const FINAL_EMPTY_BLOCK = zlib.deflateRawSync(Buffer.alloc(0));

function deflatePiece(piece: Buffer): Buffer {
  return zlib.deflateRawSync(piece, { finishFlush: zlib.constants.Z_SYNC_FLUSH });
}

export function splitAtNonce(body: Buffer, nonce: string): NoncedBody {
  const marker = Buffer.from(nonce);
  const pieces: Buffer[] = [];
  let start = 0;
  for (let at = body.indexOf(marker); at !== -1; at = body.indexOf(marker, start)) {
    pieces.push(body.subarray(start, at));
    start = at + marker.length;
  }
  pieces.push(body.subarray(start));
  return { pieces, deflated: pieces.map(deflatePiece) };
}

/** The body with `nonce` where the old one was, uncompressed. */
export function plainWithNonce(body: NoncedBody, nonce: string): Buffer {
  const marker = Buffer.from(nonce);
  return Buffer.concat(body.pieces.flatMap((piece, i) => (i === 0 ? [piece] : [marker, piece])));
}

/** The body with `nonce` where the old one was, as a gzip member (RFC 1952; zlib.crc32 needs Node 20.15, see engines). */
export function gzipWithNonce(body: NoncedBody, nonce: string): Buffer {
  const marker = Buffer.from(nonce);
  const deflatedMarker = deflatePiece(marker);
  let crc = 0;
  let size = 0;
  const parts: Buffer[] = [GZIP_HEADER];
  body.pieces.forEach((piece, i) => {
    if (i > 0) {
      parts.push(deflatedMarker);
      crc = zlib.crc32(marker, crc);
      size += marker.length;
    }
    parts.push(body.deflated[i]);
    crc = zlib.crc32(piece, crc);
    size += piece.length;
  });
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc >>> 0, 0);
  trailer.writeUInt32LE(size >>> 0, 4);
  parts.push(FINAL_EMPTY_BLOCK, trailer);
  return Buffer.concat(parts);
}
