/**
 * Rectangle encodings: Raw (0), CopyRect (1) and ZRLE (16), per RFC 6143 §7.7.
 *
 * ZRLE tiles (64x64) are sent as a solid colour, a packed palette (2–16 colours: text is
 * usually 2) or raw CPIXELs, all through one zlib stream per connection that is flushed
 * (Z_SYNC_FLUSH) after each rectangle, as the decoder keeps one inflate stream.
 */
import zlib from 'node:zlib';
import type { Rect } from '../screen.js';
import type { PixelConverter } from './pixel-format.js';

export const ENCODING_RAW = 0;
export const ENCODING_COPYRECT = 1;
export const ENCODING_ZRLE = 16;
export const PSEUDO_DESKTOP_SIZE = -223;

/** A source of pixels: 0xRRGGBB numbers, row-major, `width` per row. */
export interface PixelSource {
  readonly pixels: Uint32Array;
  readonly width: number;
}

export function rectHeader(rect: Rect, encoding: number): Buffer {
  const b = Buffer.alloc(12);
  b.writeUInt16BE(rect.x, 0);
  b.writeUInt16BE(rect.y, 2);
  b.writeUInt16BE(rect.w, 4);
  b.writeUInt16BE(rect.h, 6);
  b.writeInt32BE(encoding, 8);
  return b;
}

export function encodeRaw(src: PixelSource, rect: Rect, conv: PixelConverter): Buffer {
  const bpp = conv.bytesPerPixel;
  const out = Buffer.alloc(rect.w * rect.h * bpp);
  let o = 0;
  for (let y = rect.y; y < rect.y + rect.h; y++) {
    const row = y * src.width;
    for (let x = rect.x; x < rect.x + rect.w; x++) {
      conv.write(out, o, conv.value(src.pixels[row + x]));
      o += bpp;
    }
  }
  return out;
}

/** CopyRect body: the source position; the header's rect is the destination. */
export function encodeCopyRect(srcX: number, srcY: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt16BE(srcX, 0);
  b.writeUInt16BE(srcY, 2);
  return b;
}

/** How a CPIXEL is written: 3 bytes when a 32bpp true-colour value fits in 3 of its 4 bytes. */
function cpixelLayout(conv: PixelConverter): { bytes: number; shift: number } {
  const pf = conv.format;
  if (pf.trueColour && pf.bitsPerPixel === 32 && pf.depth <= 24) {
    const mask = ((pf.redMax << pf.redShift) | (pf.greenMax << pf.greenShift) | (pf.blueMax << pf.blueShift)) >>> 0;
    if (mask <= 0xffffff) return { bytes: 3, shift: 0 };
    if ((mask & 0xff) === 0) return { bytes: 3, shift: 8 };
  }
  return { bytes: conv.bytesPerPixel, shift: 0 };
}

function writeCpixel(
  out: number[],
  value: number,
  conv: PixelConverter,
  layout: { bytes: number; shift: number },
): void {
  if (layout.bytes === 3) {
    const v = value >>> layout.shift;
    const bytes = [v & 0xff, (v >> 8) & 0xff, (v >> 16) & 0xff];
    if (conv.format.bigEndian) bytes.reverse();
    out.push(...bytes);
    return;
  }
  const b = Buffer.alloc(layout.bytes);
  conv.write(b, 0, value, layout.bytes);
  out.push(...b);
}

function zrleTile(
  src: PixelSource,
  tx: number,
  ty: number,
  tw: number,
  th: number,
  conv: PixelConverter,
  out: number[],
): void {
  const layout = cpixelLayout(conv);
  const values = new Uint32Array(tw * th);
  const palette = new Map<number, number>();
  let i = 0;
  for (let y = ty; y < ty + th; y++) {
    for (let x = tx; x < tx + tw; x++) {
      const v = conv.value(src.pixels[y * src.width + x]);
      values[i++] = v;
      if (palette.size <= 16 && !palette.has(v)) palette.set(v, palette.size);
    }
  }
  if (palette.size === 1) {
    out.push(1);
    writeCpixel(out, values[0], conv, layout);
    return;
  }
  if (palette.size <= 16) {
    out.push(palette.size);
    for (const v of palette.keys()) writeCpixel(out, v, conv, layout);
    const bits = palette.size === 2 ? 1 : palette.size <= 4 ? 2 : 4;
    for (let y = 0; y < th; y++) {
      let byte = 0;
      let used = 0;
      for (let x = 0; x < tw; x++) {
        byte = (byte << bits) | (palette.get(values[y * tw + x]) ?? 0);
        used += bits;
        if (used === 8) {
          out.push(byte);
          byte = 0;
          used = 0;
        }
      }
      if (used > 0) out.push((byte << (8 - used)) & 0xff);
    }
    return;
  }
  out.push(0);
  for (const v of values) writeCpixel(out, v, conv, layout);
}

/** The uncompressed ZRLE data of a rectangle (its tiles, left to right, top to bottom). */
export function zrleTiles(src: PixelSource, rect: Rect, conv: PixelConverter): Buffer {
  const out: number[] = [];
  for (let ty = rect.y; ty < rect.y + rect.h; ty += 64) {
    const th = Math.min(64, rect.y + rect.h - ty);
    for (let tx = rect.x; tx < rect.x + rect.w; tx += 64) {
      zrleTile(src, tx, ty, Math.min(64, rect.x + rect.w - tx), th, conv, out);
    }
  }
  return Buffer.from(out);
}

/** One connection's zlib stream for ZRLE. */
export class ZlibStream {
  private readonly deflate = zlib.createDeflate({ level: 6 });
  private chunks: Buffer[] = [];

  constructor() {
    this.deflate.on('data', (chunk: Buffer) => this.chunks.push(chunk));
  }

  /** Compresses `data` and flushes, so the client can inflate it all now. */
  compress(data: Buffer): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      this.deflate.write(data, (err) => {
        if (err) reject(err);
      });
      this.deflate.flush(zlib.constants.Z_SYNC_FLUSH, () => {
        // Output of the flush is pushed before this callback; setImmediate lets any
        // buffered 'data' events run first.
        setImmediate(() => {
          const out = Buffer.concat(this.chunks);
          this.chunks = [];
          resolve(out);
        });
      });
    });
  }

  close(): void {
    this.deflate.close();
  }
}

/** A ZRLE rectangle body: u32 length + compressed tiles. */
export async function encodeZrle(
  src: PixelSource,
  rect: Rect,
  conv: PixelConverter,
  stream: ZlibStream,
): Promise<Buffer> {
  return zrleBody(zrleTiles(src, rect, conv), stream);
}

export async function zrleBody(tiles: Buffer, stream: ZlibStream): Promise<Buffer> {
  const compressed = await stream.compress(tiles);
  const len = Buffer.alloc(4);
  len.writeUInt32BE(compressed.length, 0);
  return Buffer.concat([len, compressed]);
}
