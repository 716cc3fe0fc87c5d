/**
 * The guest's screen: a text console drawn into a framebuffer, like a VGA adapter in text
 * mode (80x25 cells of 9x16 pixels = 720x400) or the Linux framebuffer console after the
 * DRM driver loads (8x16 cells over the whole mode, e.g. 1024x768 = 128x48).
 *
 * Pixels are 0xRRGGBB numbers, drawn lazily: a screen nobody has looked at (no listener, no
 * read of `pixels`) keeps only its text, so thousands of idle guests cost no framebuffers.
 * Only cells the terminal marks dirty are re-rendered; every
 * change is reported to listeners as damage rectangles, content scrolls as a vertical move
 * (which the RFB server can send as CopyRect) and video mode changes as a resize.
 */
import { GLYPH_HEIGHT, GLYPH_WIDTH, glyphRows } from './font.js';
import { Terminal } from './terminal.js';

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface ScreenListener {
  /** Pixels inside `rect` changed. */
  damage(rect: Rect): void;
  /** The whole picture moved up by `dy` pixels (the rows that appear at the bottom are damaged separately). */
  scroll(dy: number): void;
  /** New video mode; the whole screen is new. */
  resize(width: number, height: number): void;
}

/** The 16 VGA colours, in ANSI order (0 black … 7 light grey, 8–15 bright). */
export const VGA_PALETTE: readonly number[] = [
  0x000000, 0xaa0000, 0x00aa00, 0xaa5500, 0x0000aa, 0xaa00aa, 0x00aaaa, 0xaaaaaa, 0x555555, 0xff5555, 0x55ff55,
  0xffff55, 0x5555ff, 0xff55ff, 0x55ffff, 0xffffff,
];

export const TEXT_MODE = { width: 720, height: 400, cellWidth: 9 } as const;

export class Screen {
  width = 0;
  height = 0;
  cellWidth = 9;
  readonly cellHeight = GLYPH_HEIGHT;
  private buffer: Uint32Array | null = null;
  readonly terminal: Terminal;
  private readonly listeners = new Set<ScreenListener>();
  private readonly decoder = new TextDecoder('utf-8');
  private cursorCell: { x: number; y: number } | undefined;

  constructor() {
    this.terminal = new Terminal(80, 25, (lines) => this.scrollPixels(lines));
    this.setMode(TEXT_MODE.width, TEXT_MODE.height, TEXT_MODE.cellWidth);
  }

  /** Subscribes to changes; returns the unsubscribe function. */
  subscribe(listener: ScreenListener): () => void {
    void this.pixels;
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Switches video mode (clears the screen). `cellWidth` 9 = VGA text mode, 8 = fbcon. */
  setMode(width: number, height: number, cellWidth: number = GLYPH_WIDTH): void {
    this.width = width;
    this.height = height;
    this.cellWidth = cellWidth;
    this.buffer = null;
    this.cursorCell = undefined;
    this.terminal.reset(Math.floor(width / cellWidth), Math.floor(height / this.cellHeight));
    if (this.listeners.size) void this.pixels;
    for (const l of this.listeners) l.resize(width, height);
  }

  /** Console output (UTF-8 bytes or text) goes through the terminal, then to the pixels. */
  write(data: Uint8Array | string): void {
    const text = typeof data === 'string' ? data : this.decoder.decode(data, { stream: true });
    this.terminal.write(text);
    if (this.buffer) this.render(true);
  }

  /** The framebuffer (width × height, row-major), drawn on first use and kept current after. */
  get pixels(): Uint32Array {
    if (!this.buffer) {
      this.buffer = new Uint32Array(this.width * this.height);
      this.cursorCell = undefined;
      this.terminal.markAllDirty();
      this.render(false);
    }
    return this.buffer;
  }

  /** The screen's text, one line per row (for tests and logs). */
  text(): string {
    return this.terminal.text();
  }

  private scrollPixels(lines: number): void {
    if (!this.buffer) return;
    const dy = lines * this.cellHeight;
    const textHeight = this.terminal.height * this.cellHeight;
    this.buffer.copyWithin(0, dy * this.width, textHeight * this.width);
    if (this.cursorCell) this.cursorCell = { x: this.cursorCell.x, y: this.cursorCell.y - lines };
    for (const l of this.listeners) l.scroll(dy);
  }

  private render(notify: boolean): void {
    const term = this.terminal;
    const pixels = this.buffer;
    if (!pixels) return;
    // The cursor (an underline) moves: repaint the cell it leaves and the one it enters.
    const old = this.cursorCell;
    if (old && old.y >= 0) term.rows[old.y].dirty[old.x] = 1;
    term.rows[term.cursorY].dirty[term.cursorX] = 1;
    this.cursorCell = { x: term.cursorX, y: term.cursorY };
    for (const span of term.takeDirty()) {
      for (let x = span.from; x < span.to; x++) this.drawCell(pixels, x, span.row);
      if (notify) {
        const rect = {
          x: span.from * this.cellWidth,
          y: span.row * this.cellHeight,
          w: (span.to - span.from) * this.cellWidth,
          h: this.cellHeight,
        };
        for (const l of this.listeners) l.damage(rect);
      }
    }
  }

  private drawCell(pixels: Uint32Array, cx: number, cy: number): void {
    const row = this.terminal.rows[cy];
    const attr = row.attrs[cx];
    const fg = VGA_PALETTE[attr & 0x0f];
    const bg = VGA_PALETTE[(attr >> 4) & 0x0f];
    const glyph = glyphRows(row.chars[cx]);
    const cursor = cx === this.terminal.cursorX && cy === this.terminal.cursorY;
    const left = cx * this.cellWidth;
    for (let gy = 0; gy < this.cellHeight; gy++) {
      const bits = cursor && gy >= 13 && gy <= 14 ? 0xff : glyph[gy];
      let offset = (cy * this.cellHeight + gy) * this.width + left;
      for (let gx = 0; gx < this.cellWidth; gx++) {
        // The ninth column of VGA text mode is always background (no line-drawing chars here).
        const on = gx < GLYPH_WIDTH && (bits & (0x80 >> gx)) !== 0;
        pixels[offset++] = on ? fg : bg;
      }
    }
  }
}
