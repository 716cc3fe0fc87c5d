import { describe, expect, it } from 'vitest';
import { VGA_PALETTE } from '../screen.js';
import { encodeRaw, zrleTiles } from './encodings.js';
import { PendingUpdate } from './pending-update.js';
import { PixelConverter, SERVER_PIXEL_FORMAT, vgaColourMapMessage, type PixelFormat } from './pixel-format.js';

const BGRX_BE: PixelFormat = { ...SERVER_PIXEL_FORMAT, bigEndian: true, redShift: 8, greenShift: 16, blueShift: 24 };

describe('PixelConverter', () => {
  it('converts 0xRRGGBB to the client format and writes it in the client byte order', () => {
    const le = new PixelConverter(SERVER_PIXEL_FORMAT);
    const b = Buffer.alloc(4);
    le.write(b, 0, le.value(0x112233));
    expect([...b]).toEqual([0x33, 0x22, 0x11, 0]);
    const be = new PixelConverter(BGRX_BE);
    be.write(b, 0, be.value(0x112233));
    expect([...b]).toEqual([0x33, 0x22, 0x11, 0]);
  });

  it('maps the VGA colours to colour-map indices at 8 bits per pixel and announces the map', () => {
    const conv = new PixelConverter({ ...SERVER_PIXEL_FORMAT, bitsPerPixel: 8, depth: 8, trueColour: false });
    expect(conv.value(VGA_PALETTE[10])).toBe(10);
    const msg = vgaColourMapMessage();
    expect([msg[0], msg.readUInt16BE(2), msg.readUInt16BE(4)]).toEqual([1, 0, 16]);
    expect([msg.readUInt16BE(6 + 15 * 6), msg.readUInt16BE(8 + 15 * 6), msg.readUInt16BE(10 + 15 * 6)]).toEqual([
      65535, 65535, 65535,
    ]);
  });
});

describe('encodings', () => {
  const src = { width: 4, pixels: Uint32Array.from([0, 0xaaaaaa, 0, 0, 0xaaaaaa, 0, 0, 0]) };

  it('Raw writes each pixel of the rectangle', () => {
    const conv = new PixelConverter(SERVER_PIXEL_FORMAT);
    expect([...encodeRaw(src, { x: 1, y: 0, w: 1, h: 2 }, conv)]).toEqual([0xaa, 0xaa, 0xaa, 0, 0, 0, 0, 0]);
  });

  it('ZRLE packs a two-colour tile as a 1-bit palette with 3-byte CPIXELs', () => {
    const conv = new PixelConverter(SERVER_PIXEL_FORMAT);
    const tiles = zrleTiles(src, { x: 0, y: 0, w: 4, h: 2 }, conv);
    // subencoding 2, palette [black, grey], rows 0100 and 1000 padded to bytes.
    expect([...tiles]).toEqual([2, 0, 0, 0, 0xaa, 0xaa, 0xaa, 0b01000000, 0b10000000]);
  });

  it('ZRLE sends a one-colour tile as a solid tile', () => {
    const conv = new PixelConverter(SERVER_PIXEL_FORMAT);
    expect([...zrleTiles(src, { x: 2, y: 0, w: 2, h: 2 }, conv)]).toEqual([1, 0, 0, 0]);
  });
});

describe('PendingUpdate', () => {
  const all = { x: 0, y: 0, w: 720, h: 400 };

  it('shifts damage up when the picture scrolls, and accumulates the scroll', () => {
    const p = new PendingUpdate(720, 400, () => true);
    p.damage({ x: 0, y: 384, w: 90, h: 16 });
    p.scroll(16);
    p.damage({ x: 0, y: 384, w: 720, h: 16 });
    p.scroll(16);
    expect(p.take(all)).toEqual({
      resize: undefined,
      scrollDy: 32,
      scrollDest: { x: 0, y: 0, w: 720, h: 368 },
      rects: [
        { x: 0, y: 352, w: 90, h: 16 },
        { x: 0, y: 368, w: 720, h: 16 },
      ],
    });
    expect(p.empty).toBe(true);
  });

  it('sends everything when the client cannot CopyRect', () => {
    const p = new PendingUpdate(720, 400, () => false);
    p.scroll(16);
    expect(p.take(all).rects).toEqual([all]);
  });

  it('merges rows with the same span and announces resizes', () => {
    const p = new PendingUpdate(720, 400, () => true);
    p.damage({ x: 0, y: 0, w: 720, h: 16 });
    p.damage({ x: 0, y: 16, w: 720, h: 16 });
    expect(p.take(all).rects).toEqual([{ x: 0, y: 0, w: 720, h: 32 }]);
    p.resized(1024, 768, true);
    expect(p.take(all)).toEqual({
      resize: { width: 1024, height: 768 },
      scrollDy: 0,
      rects: [{ x: 0, y: 0, w: 1024, h: 768 }],
    });
  });

  it('keeps the framebuffer of a client without DesktopSize: copies and repaints only its view of a taller screen', () => {
    const p = new PendingUpdate(720, 400, () => true);
    p.resized(1024, 768, false);
    expect(p.take(all)).toEqual({ resize: undefined, scrollDy: 0, rects: [all] });
    p.damage({ x: 0, y: 752, w: 1024, h: 16 });
    p.scroll(16);
    // the terminal repaints the new bottom row of the screen, out of view; the view's bottom row is due
    expect(p.take(all)).toEqual({
      resize: undefined,
      scrollDy: 16,
      scrollDest: { x: 0, y: 0, w: 720, h: 384 },
      rects: [{ x: 0, y: 384, w: 720, h: 16 }],
    });
  });
});
