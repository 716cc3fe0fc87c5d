/**
 * A small VT-style terminal emulator: the guest's text screen as a grid of cells.
 *
 * Handles CR, LF, BS, TAB, autowrap at the right margin, scrolling at the bottom,
 * cursor addressing (CUP, CUU/CUD/CUF/CUB), erase in display/line (ED, EL) and colours
 * (SGR 0/1/7/22/27/30–37/39/40–47/49/90–97/100–107). Other escape sequences (OSC, other CSI,
 * charset selection) are parsed and dropped. Cells that change are marked dirty so the
 * framebuffer re-renders only those.
 */
export const DEFAULT_FG = 7;
export const DEFAULT_BG = 0;

/** Attribute byte: foreground colour (0–15) in the low nibble, background (0–15) in the high one. */
export function makeAttr(fg: number, bg: number): number {
  return (fg & 0x0f) | ((bg & 0x0f) << 4);
}

const BLANK_ATTR = makeAttr(DEFAULT_FG, DEFAULT_BG);
const SPACE = 0x20;

export interface TerminalRow {
  chars: Uint32Array;
  attrs: Uint8Array;
  dirty: Uint8Array;
}

export interface DirtySpan {
  row: number;
  from: number;
  /** Exclusive. */
  to: number;
}

type ParserState = 'ground' | 'esc' | 'csi' | 'osc' | 'charset';

export class Terminal {
  rows: TerminalRow[] = [];
  cursorX = 0;
  cursorY = 0;
  private pendingWrap = false;
  private fg = DEFAULT_FG;
  private bg = DEFAULT_BG;
  private bold = false;
  private inverse = false;
  private state: ParserState = 'ground';
  private csiParams = '';
  private oscEscape = false;

  /** `onScroll(lines)` is called when the content moves up by `lines` rows. */
  constructor(
    public cols: number,
    public height: number,
    private readonly onScroll: (lines: number) => void = () => undefined,
  ) {
    this.reset(cols, height);
  }

  /** Clears everything and sets a new size (a video mode change). */
  reset(cols: number, height: number): void {
    this.cols = cols;
    this.height = height;
    this.rows = Array.from({ length: height }, () => this.blankRow());
    this.cursorX = 0;
    this.cursorY = 0;
    this.pendingWrap = false;
    this.fg = DEFAULT_FG;
    this.bg = DEFAULT_BG;
    this.bold = false;
    this.inverse = false;
    this.state = 'ground';
  }

  write(text: string): void {
    for (const ch of text) this.feed(ch);
  }

  /** The text of one row, trailing blanks removed. */
  lineText(y: number): string {
    const row = this.rows[y];
    return String.fromCodePoint(...row.chars).replace(/\s+$/, '');
  }

  /** The whole screen as text, one line per row. */
  text(): string {
    return this.rows.map((_r, y) => this.lineText(y)).join('\n');
  }

  /** Dirty spans since the last call, and clears the dirty marks. */
  takeDirty(): DirtySpan[] {
    const spans: DirtySpan[] = [];
    this.rows.forEach((row, y) => {
      const from = row.dirty.indexOf(1);
      if (from < 0) return;
      const to = row.dirty.lastIndexOf(1) + 1;
      row.dirty.fill(0);
      spans.push({ row: y, from, to });
    });
    return spans;
  }

  markAllDirty(): void {
    for (const row of this.rows) row.dirty.fill(1);
  }

  private blankRow(): TerminalRow {
    const row: TerminalRow = {
      chars: new Uint32Array(this.cols).fill(SPACE),
      attrs: new Uint8Array(this.cols).fill(BLANK_ATTR),
      dirty: new Uint8Array(this.cols).fill(1),
    };
    return row;
  }

  private currentAttr(): number {
    const fg = this.bold && this.fg < 8 ? this.fg + 8 : this.fg;
    return this.inverse ? makeAttr(this.bg, fg) : makeAttr(fg, this.bg);
  }

  private moveCursor(x: number, y: number): void {
    this.markCell(this.cursorX, this.cursorY);
    this.cursorX = Math.max(0, Math.min(this.cols - 1, x));
    this.cursorY = Math.max(0, Math.min(this.height - 1, y));
    this.pendingWrap = false;
    this.markCell(this.cursorX, this.cursorY);
  }

  private markCell(x: number, y: number): void {
    const row = this.rows[y];
    if (row && x < this.cols) row.dirty[x] = 1;
  }

  private feed(ch: string): void {
    switch (this.state) {
      case 'esc':
        return this.escape(ch);
      case 'csi':
        return this.csi(ch);
      case 'osc':
        return this.osc(ch);
      case 'charset':
        this.state = 'ground';
        return;
      case 'ground':
        break;
    }
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x20 || code === 0x7f) return this.control(code);
    this.put(code);
  }

  private control(code: number): void {
    switch (code) {
      case 0x0d:
        this.moveCursor(0, this.cursorY);
        return;
      case 0x0a:
      case 0x0b:
      case 0x0c:
        this.lineFeed();
        return;
      case 0x08:
        this.moveCursor(this.cursorX - 1, this.cursorY);
        return;
      case 0x09:
        this.moveCursor(Math.min(this.cols - 1, (Math.floor(this.cursorX / 8) + 1) * 8), this.cursorY);
        return;
      case 0x1b:
        this.state = 'esc';
        return;
      default:
        return; // BEL and other controls: nothing to draw
    }
  }

  private put(code: number): void {
    if (this.pendingWrap) {
      this.pendingWrap = false;
      this.markCell(this.cursorX, this.cursorY);
      this.cursorX = 0;
      this.lineFeed();
    }
    const row = this.rows[this.cursorY];
    row.chars[this.cursorX] = code;
    row.attrs[this.cursorX] = this.currentAttr();
    row.dirty[this.cursorX] = 1;
    if (this.cursorX === this.cols - 1) this.pendingWrap = true;
    else this.moveCursor(this.cursorX + 1, this.cursorY);
  }

  private lineFeed(): void {
    if (this.cursorY < this.height - 1) {
      this.moveCursor(this.cursorX, this.cursorY + 1);
      return;
    }
    this.markCell(this.cursorX, this.cursorY);
    this.rows.shift();
    this.rows.push(this.blankRow());
    this.onScroll(1);
    this.markCell(this.cursorX, this.cursorY);
    this.pendingWrap = false;
  }

  private escape(ch: string): void {
    this.state = 'ground';
    if (ch === '[') {
      this.state = 'csi';
      this.csiParams = '';
    } else if (ch === ']') {
      this.state = 'osc';
      this.oscEscape = false;
    } else if (ch === '(' || ch === ')') {
      this.state = 'charset';
    } else if (ch === 'c') {
      this.eraseDisplay(2);
      this.moveCursor(0, 0);
    }
  }

  private osc(ch: string): void {
    if (ch === '\x07' || (this.oscEscape && ch === '\\')) this.state = 'ground';
    this.oscEscape = ch === '\x1b';
  }

  private csi(ch: string): void {
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x40 || code > 0x7e) {
      this.csiParams += ch;
      return;
    }
    this.state = 'ground';
    const params = this.csiParams
      .replace(/^[?>=]/, '')
      .split(';')
      .map((p) => (p === '' ? NaN : Number(p)));
    const n = (i: number, dflt: number): number => (Number.isFinite(params[i]) ? params[i] : dflt);
    switch (ch) {
      case 'H':
      case 'f':
        return this.moveCursor(n(1, 1) - 1, n(0, 1) - 1);
      case 'A':
        return this.moveCursor(this.cursorX, this.cursorY - Math.max(1, n(0, 1)));
      case 'B':
        return this.moveCursor(this.cursorX, this.cursorY + Math.max(1, n(0, 1)));
      case 'C':
        return this.moveCursor(this.cursorX + Math.max(1, n(0, 1)), this.cursorY);
      case 'D':
        return this.moveCursor(this.cursorX - Math.max(1, n(0, 1)), this.cursorY);
      case 'G':
        return this.moveCursor(n(0, 1) - 1, this.cursorY);
      case 'J':
        return this.eraseDisplay(n(0, 0));
      case 'K':
        return this.eraseLine(this.cursorY, n(0, 0));
      case 'm':
        return this.sgr(params.map((p) => (Number.isFinite(p) ? p : 0)));
      default:
        return; // other CSI sequences are dropped
    }
  }

  private clearCells(y: number, from: number, to: number): void {
    const row = this.rows[y];
    row.chars.fill(SPACE, from, to);
    row.attrs.fill(makeAttr(DEFAULT_FG, this.bg), from, to);
    row.dirty.fill(1, from, to);
  }

  private eraseLine(y: number, mode: number): void {
    if (mode === 0) this.clearCells(y, this.cursorX, this.cols);
    else if (mode === 1) this.clearCells(y, 0, this.cursorX + 1);
    else this.clearCells(y, 0, this.cols);
  }

  private eraseDisplay(mode: number): void {
    if (mode === 0) {
      this.eraseLine(this.cursorY, 0);
      for (let y = this.cursorY + 1; y < this.height; y++) this.clearCells(y, 0, this.cols);
    } else if (mode === 1) {
      for (let y = 0; y < this.cursorY; y++) this.clearCells(y, 0, this.cols);
      this.eraseLine(this.cursorY, 1);
    } else {
      for (let y = 0; y < this.height; y++) this.clearCells(y, 0, this.cols);
    }
  }

  private sgr(params: number[]): void {
    for (const p of params.length ? params : [0]) {
      if (p === 0) {
        this.fg = DEFAULT_FG;
        this.bg = DEFAULT_BG;
        this.bold = false;
        this.inverse = false;
      } else if (p === 1) this.bold = true;
      else if (p === 22) this.bold = false;
      else if (p === 7) this.inverse = true;
      else if (p === 27) this.inverse = false;
      else if (p >= 30 && p <= 37) this.fg = p - 30;
      else if (p === 39) this.fg = DEFAULT_FG;
      else if (p >= 40 && p <= 47) this.bg = p - 40;
      else if (p === 49) this.bg = DEFAULT_BG;
      else if (p >= 90 && p <= 97) this.fg = p - 90 + 8;
      else if (p >= 100 && p <= 107) this.bg = p - 100 + 8;
    }
  }
}
