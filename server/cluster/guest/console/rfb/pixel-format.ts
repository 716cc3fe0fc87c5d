/**
 * RFB pixel formats (RFC 6143 §7.4) and conversion of the screen's 0xRRGGBB pixels to
 * whatever format the client asked for with SetPixelFormat: true colour at 8, 16 or 32 bits
 * per pixel in either byte order, or an 8-bit colour map (filled with the 16 VGA colours).
 */
import { VGA_PALETTE } from '../screen.js';

export interface PixelFormat {
  bitsPerPixel: number;
  depth: number;
  bigEndian: boolean;
  trueColour: boolean;
  redMax: number;
  greenMax: number;
  blueMax: number;
  redShift: number;
  greenShift: number;
  blueShift: number;
}

/** What the server announces in ServerInit: 32bpp, depth 24, little endian, 0x00RRGGBB. */
export const SERVER_PIXEL_FORMAT: PixelFormat = {
  bitsPerPixel: 32,
  depth: 24,
  bigEndian: false,
  trueColour: true,
  redMax: 255,
  greenMax: 255,
  blueMax: 255,
  redShift: 16,
  greenShift: 8,
  blueShift: 0,
};

export function encodePixelFormat(pf: PixelFormat): Buffer {
  const b = Buffer.alloc(16);
  b.writeUInt8(pf.bitsPerPixel, 0);
  b.writeUInt8(pf.depth, 1);
  b.writeUInt8(pf.bigEndian ? 1 : 0, 2);
  b.writeUInt8(pf.trueColour ? 1 : 0, 3);
  b.writeUInt16BE(pf.redMax, 4);
  b.writeUInt16BE(pf.greenMax, 6);
  b.writeUInt16BE(pf.blueMax, 8);
  b.writeUInt8(pf.redShift, 10);
  b.writeUInt8(pf.greenShift, 11);
  b.writeUInt8(pf.blueShift, 12);
  return b;
}

export function decodePixelFormat(b: Buffer, offset: number): PixelFormat {
  return {
    bitsPerPixel: b.readUInt8(offset),
    depth: b.readUInt8(offset + 1),
    bigEndian: b.readUInt8(offset + 2) !== 0,
    trueColour: b.readUInt8(offset + 3) !== 0,
    redMax: b.readUInt16BE(offset + 4),
    greenMax: b.readUInt16BE(offset + 6),
    blueMax: b.readUInt16BE(offset + 8),
    redShift: b.readUInt8(offset + 10),
    greenShift: b.readUInt8(offset + 11),
    blueShift: b.readUInt8(offset + 12),
  };
}

/** Why a pixel format cannot be served, or undefined when it can. */
export function unsupportedPixelFormat(pf: PixelFormat): string | undefined {
  if (![8, 16, 32].includes(pf.bitsPerPixel)) return `unsupported bits-per-pixel ${pf.bitsPerPixel}`;
  if (!pf.trueColour && pf.bitsPerPixel !== 8) return 'colour maps are only supported at 8 bits per pixel';
  return undefined;
}

/** Converts screen pixels to the client's pixel values and writes them in its byte order. */
export class PixelConverter {
  readonly bytesPerPixel: number;
  private readonly cache = new Map<number, number>();

  constructor(readonly format: PixelFormat) {
    this.bytesPerPixel = format.bitsPerPixel / 8;
  }

  /** The client's pixel value for a 0xRRGGBB colour. */
  value(rgb: number): number {
    let v = this.cache.get(rgb);
    if (v === undefined) {
      v = this.compute(rgb);
      this.cache.set(rgb, v);
    }
    return v;
  }

  write(buf: Buffer, offset: number, value: number, bytes: number = this.bytesPerPixel): void {
    if (bytes === 1) buf[offset] = value;
    else if (bytes === 2) {
      if (this.format.bigEndian) buf.writeUInt16BE(value, offset);
      else buf.writeUInt16LE(value, offset);
    } else if (bytes === 4) {
      if (this.format.bigEndian) buf.writeUInt32BE(value >>> 0, offset);
      else buf.writeUInt32LE(value >>> 0, offset);
    }
  }

  private compute(rgb: number): number {
    const pf = this.format;
    if (!pf.trueColour) {
      const index = VGA_PALETTE.indexOf(rgb);
      return index >= 0 ? index : 0;
    }
    const scale = (c: number, max: number): number => Math.round((c * max) / 255);
    const r = scale((rgb >> 16) & 0xff, pf.redMax);
    const g = scale((rgb >> 8) & 0xff, pf.greenMax);
    const b = scale(rgb & 0xff, pf.blueMax);
    return ((r << pf.redShift) | (g << pf.greenShift) | (b << pf.blueShift)) >>> 0;
  }
}

/** SetColourMapEntries (server message 1) with the 16 VGA colours, for colour-map clients. */
export function vgaColourMapMessage(): Buffer {
  const b = Buffer.alloc(6 + VGA_PALETTE.length * 6);
  b.writeUInt8(1, 0);
  b.writeUInt16BE(0, 2);
  b.writeUInt16BE(VGA_PALETTE.length, 4);
  VGA_PALETTE.forEach((rgb, i) => {
    b.writeUInt16BE(((rgb >> 16) & 0xff) * 257, 6 + i * 6);
    b.writeUInt16BE(((rgb >> 8) & 0xff) * 257, 8 + i * 6);
    b.writeUInt16BE((rgb & 0xff) * 257, 10 + i * 6);
  });
  return b;
}
