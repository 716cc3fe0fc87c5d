// Types for the one font file of `bdf-fonts` we load (the package types only its index).
declare module 'bdf-fonts/fonts/Terminus/16.js' {
  interface BdfGlyph {
    DWIDTH: number;
    BBh: number;
    BBox: number;
    BBoy: number;
    /** One number per scan line, most significant of `BITS` bits = leftmost pixel. */
    BITMAP: number[];
    BITS: number;
  }
  const glyphs: readonly BdfGlyph[];
  export default glyphs;
}
