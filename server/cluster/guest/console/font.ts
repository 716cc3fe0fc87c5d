/**
 * The console font: Terminus 8x16 (the Linux console's `ter-v16n`), from the `bdf-fonts`
 * package, which ships Terminus' BDF glyphs as JavaScript arrays. The package lists the
 * printable ASCII glyphs (U+0020–U+007E) followed by Latin-1 (U+00A1–U+00FF).
 */
import terminus16 from 'bdf-fonts/fonts/Terminus/16.js';

export const GLYPH_WIDTH = 8;
export const GLYPH_HEIGHT = 16;

const ASCII_FIRST = 0x20;
const ASCII_LAST = 0x7e;
const LATIN1_FIRST = 0xa1;
const LATIN1_LAST = 0xff;

function glyphIndex(codePoint: number): number {
  if (codePoint >= ASCII_FIRST && codePoint <= ASCII_LAST) return codePoint - ASCII_FIRST;
  if (codePoint >= LATIN1_FIRST && codePoint <= LATIN1_LAST)
    return ASCII_LAST - ASCII_FIRST + 1 + codePoint - LATIN1_FIRST;
  if (codePoint === 0xa0) return 0;
  return '?'.charCodeAt(0) - ASCII_FIRST;
}

const cache = new Map<number, Uint8Array>();

/**
 * The 16 scan lines of a character's glyph, one byte each, bit 7 = leftmost pixel.
 * Characters the font lacks are drawn as `?`.
 */
export function glyphRows(codePoint: number): Uint8Array {
  const index = glyphIndex(codePoint);
  let rows = cache.get(index);
  if (!rows) {
    const glyph = terminus16[index] ?? terminus16[glyphIndex(0x3f)];
    rows = new Uint8Array(GLYPH_HEIGHT);
    // BITS is 8 for this font; shift wider glyph rows down to one byte.
    glyph.BITMAP.forEach((bits, y) => {
      if (y < GLYPH_HEIGHT) rows![y] = (bits >> Math.max(0, glyph.BITS - 8)) & 0xff;
    });
    cache.set(index, rows);
  }
  return rows;
}
