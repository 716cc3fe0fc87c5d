import { describe, expect, it } from 'vitest';
import { GLYPH_HEIGHT } from './font.js';
import { Screen, VGA_PALETTE, type Rect } from './screen.js';
import { Terminal, makeAttr } from './terminal.js';

describe('Terminal', () => {
  it('writes text, handles CR, LF, backspace and tab', () => {
    const t = new Terminal(20, 5);
    t.write('abc\r\nxy\bZ\tT');
    expect(t.lineText(0)).toBe('abc');
    expect(t.lineText(1)).toBe('xZ      T');
  });

  it('wraps at the right margin only when the next character arrives', () => {
    const t = new Terminal(10, 3);
    t.write('0123456789');
    expect(t.cursorY).toBe(0);
    t.write('AB');
    expect(t.lineText(0)).toBe('0123456789');
    expect(t.lineText(1)).toBe('AB');
  });

  it('scrolls at the bottom and reports how far', () => {
    const scrolls: number[] = [];
    const t = new Terminal(10, 3, (n) => scrolls.push(n));
    t.write('one\r\ntwo\r\nthree\r\nfour\r\nfive');
    expect(t.text()).toBe('three\nfour\nfive');
    expect(scrolls).toEqual([1, 1]);
  });

  it('clears the screen with ESC[2J and homes with ESC[H', () => {
    const t = new Terminal(10, 3);
    t.write('hello\r\nworld\x1b[H\x1b[2J');
    expect(t.text()).toBe('\n\n');
    expect([t.cursorX, t.cursorY]).toEqual([0, 0]);
    t.write('\x1b[2;3Hx');
    expect(t.lineText(1)).toBe('  x');
  });

  it('erases to the end of the line with ESC[K', () => {
    const t = new Terminal(10, 2);
    t.write('abcdef\r\x1b[2C\x1b[K');
    expect(t.lineText(0)).toBe('ab');
  });

  it('applies SGR colours and strips other escape sequences', () => {
    const t = new Terminal(20, 2);
    t.write('[\x1b[0;32m  OK  \x1b[0m]\x1b]0;title\x07\x1b[?25l\x1b(B!');
    expect(t.lineText(0)).toBe('[  OK  ]!');
    expect(t.rows[0].attrs[3]).toBe(makeAttr(2, 0));
    expect(t.rows[0].attrs[0]).toBe(makeAttr(7, 0));
  });

  it('reports dirty spans once', () => {
    const t = new Terminal(10, 3);
    t.takeDirty();
    t.write('\x1b[2;4Hxy');
    // The cell the cursor left, the two characters and the cell the cursor is now on.
    expect(t.takeDirty()).toEqual([
      { row: 0, from: 0, to: 1 },
      { row: 1, from: 3, to: 6 },
    ]);
    expect(t.takeDirty()).toEqual([]);
  });
});

describe('Screen', () => {
  it('is a 720x400 VGA text mode screen that draws glyphs with the console font', () => {
    const s = new Screen();
    expect([s.width, s.height, s.terminal.cols, s.terminal.height]).toEqual([720, 400, 80, 25]);
    const before = s.pixels.filter((p) => p !== 0).length;
    s.write('Hi');
    const lit = s.pixels.filter((p) => p === VGA_PALETTE[7]).length;
    expect(before).toBeGreaterThan(0); // the cursor
    expect(lit).toBeGreaterThan(20);
  });

  it('reports only the cells that changed as damage', () => {
    const s = new Screen();
    s.write('login: ');
    const damage: Rect[] = [];
    s.subscribe({ damage: (r) => damage.push(r), scroll: () => undefined, resize: () => undefined });
    s.write('x');
    // The new character and the cursor moving one cell right: cells 7 and 8 of row 0.
    expect(damage).toEqual([{ x: 7 * 9, y: 0, w: 2 * 9, h: GLYPH_HEIGHT }]);
  });

  it('moves the picture up when the text scrolls, and damages only the new bottom row', () => {
    const s = new Screen();
    s.write('first line\r\n');
    s.write('\r\n'.repeat(23));
    const rowPixels = (row: number) => s.pixels.slice(row * GLYPH_HEIGHT * 720, (row + 1) * GLYPH_HEIGHT * 720);
    const firstRow = rowPixels(0);
    const events: string[] = [];
    s.subscribe({
      damage: (r) => events.push(`damage ${r.y}`),
      scroll: (dy) => events.push(`scroll ${dy}`),
      resize: () => undefined,
    });
    s.write('\r\n');
    expect(events).toEqual(['scroll 16', `damage ${23 * 16}`, `damage ${24 * 16}`]);
    expect(s.terminal.lineText(0)).toBe('');
    expect(rowPixels(0)).not.toEqual(firstRow);
  });

  it('switches to a framebuffer console mode and reports the resize', () => {
    const s = new Screen();
    const sizes: string[] = [];
    s.subscribe({ damage: () => undefined, scroll: () => undefined, resize: (w, h) => sizes.push(`${w}x${h}`) });
    s.setMode(1024, 768, 8);
    expect(sizes).toEqual(['1024x768']);
    expect([s.terminal.cols, s.terminal.height]).toEqual([128, 48]);
  });
});
