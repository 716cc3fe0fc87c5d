/**
 * X11 keysyms and KeyboardEvent codes for what the VNC console types on its own: the send-keys
 * menu's combinations and "Paste", which types text one key at a time (US layout, the guest's
 * default). The code lets noVNC send QEMU extended key events (scancodes), so shifted characters
 * hold Shift explicitly, as a keyboard would.
 */

export interface Key {
  keysym: number;
  /** KeyboardEvent.code of the physical key, e.g. "KeyA". */
  code: string;
}

/** One RFB key event. */
export interface KeyEvent extends Key {
  down: boolean;
}

export const XK = {
  BackSpace: 0xff08,
  Tab: 0xff09,
  Return: 0xff0d,
  Escape: 0xff1b,
  Print: 0xff61,
  Delete: 0xffff,
  F1: 0xffbe,
  Shift_L: 0xffe1,
  Control_L: 0xffe3,
  Alt_L: 0xffe9,
  Super_L: 0xffeb,
} as const;

const CTRL: Key = { keysym: XK.Control_L, code: 'ControlLeft' };
const ALT: Key = { keysym: XK.Alt_L, code: 'AltLeft' };
const SHIFT: Key = { keysym: XK.Shift_L, code: 'ShiftLeft' };
const fn = (n: number): Key => ({ keysym: XK.F1 + n - 1, code: `F${n}` });

export interface KeyCombo {
  id: string;
  label: string;
  keys: Key[];
  /** Items of one group sit together in the menu, between dividers. */
  group: 'system' | 'terminals' | 'keys';
}

/** The send-keys menu, in order. */
export const KEY_COMBOS: KeyCombo[] = [
  {
    id: 'ctrl-alt-del',
    label: 'Ctrl+Alt+Del',
    group: 'system',
    keys: [CTRL, ALT, { keysym: XK.Delete, code: 'Delete' }],
  },
  {
    id: 'ctrl-alt-backspace',
    label: 'Ctrl+Alt+Backspace',
    group: 'system',
    keys: [CTRL, ALT, { keysym: XK.BackSpace, code: 'Backspace' }],
  },
  ...Array.from({ length: 12 }, (_, i): KeyCombo => ({
    id: `ctrl-alt-f${i + 1}`,
    label: `Ctrl+Alt+F${i + 1}`,
    group: 'terminals',
    keys: [CTRL, ALT, fn(i + 1)],
  })),
  { id: 'tab', label: 'Tab', group: 'keys', keys: [{ keysym: XK.Tab, code: 'Tab' }] },
  { id: 'alt-tab', label: 'Alt+Tab', group: 'keys', keys: [ALT, { keysym: XK.Tab, code: 'Tab' }] },
  { id: 'esc', label: 'Esc', group: 'keys', keys: [{ keysym: XK.Escape, code: 'Escape' }] },
  { id: 'enter', label: 'Enter', group: 'keys', keys: [{ keysym: XK.Return, code: 'Enter' }] },
  { id: 'print-screen', label: 'PrintScreen', group: 'keys', keys: [{ keysym: XK.Print, code: 'PrintScreen' }] },
  { id: 'super', label: 'Super (Windows key)', group: 'keys', keys: [{ keysym: XK.Super_L, code: 'MetaLeft' }] },
  { id: 'ctrl-c', label: 'Ctrl+C', group: 'keys', keys: [CTRL, { keysym: 0x63, code: 'KeyC' }] },
  { id: 'ctrl-d', label: 'Ctrl+D', group: 'keys', keys: [CTRL, { keysym: 0x64, code: 'KeyD' }] },
];

/** Presses the keys in order and releases them in reverse, like fingers on a keyboard. */
export function comboEvents(keys: Key[]): KeyEvent[] {
  return [...keys.map((k) => ({ ...k, down: true })), ...[...keys].reverse().map((k) => ({ ...k, down: false }))];
}

// US layout: the key of each symbol, unshifted and shifted.
const SYMBOL_KEYS: Array<[string, string, string]> = [
  ['`', '~', 'Backquote'],
  ['1', '!', 'Digit1'],
  ['2', '@', 'Digit2'],
  ['3', '#', 'Digit3'],
  ['4', '$', 'Digit4'],
  ['5', '%', 'Digit5'],
  ['6', '^', 'Digit6'],
  ['7', '&', 'Digit7'],
  ['8', '*', 'Digit8'],
  ['9', '(', 'Digit9'],
  ['0', ')', 'Digit0'],
  ['-', '_', 'Minus'],
  ['=', '+', 'Equal'],
  ['[', '{', 'BracketLeft'],
  [']', '}', 'BracketRight'],
  ['\\', '|', 'Backslash'],
  [';', ':', 'Semicolon'],
  ["'", '"', 'Quote'],
  [',', '<', 'Comma'],
  ['.', '>', 'Period'],
  ['/', '?', 'Slash'],
];

interface Typed {
  key: Key;
  shift: boolean;
}

const TYPED = new Map<string, Typed>();
for (const [plain, shifted, code] of SYMBOL_KEYS) {
  TYPED.set(plain, { key: { keysym: plain.charCodeAt(0), code }, shift: false });
  TYPED.set(shifted, { key: { keysym: shifted.charCodeAt(0), code }, shift: true });
}
for (let c = 0; c < 26; c++) {
  const lower = String.fromCharCode(0x61 + c);
  const upper = lower.toUpperCase();
  TYPED.set(lower, { key: { keysym: lower.charCodeAt(0), code: `Key${upper}` }, shift: false });
  TYPED.set(upper, { key: { keysym: upper.charCodeAt(0), code: `Key${upper}` }, shift: true });
}
TYPED.set(' ', { key: { keysym: 0x20, code: 'Space' }, shift: false });
TYPED.set('\n', { key: { keysym: XK.Return, code: 'Enter' }, shift: false });
TYPED.set('\t', { key: { keysym: XK.Tab, code: 'Tab' }, shift: false });

/** Whether "Paste" can type this character (printable ASCII, newline, tab). */
export const canType = (ch: string): boolean => TYPED.has(ch === '\r' ? '\n' : ch);

export interface PastePlan {
  events: KeyEvent[];
  /** The characters that cannot be typed (each once, in order of appearance); they are skipped. */
  skipped: string[];
}

/** The key events that type `text`; CRLF and lone CR are one Enter. */
export function planPaste(text: string): PastePlan {
  const events: KeyEvent[] = [];
  const skipped: string[] = [];
  for (const ch of text.replace(/\r\n?/g, '\n')) {
    const t = TYPED.get(ch);
    if (!t) {
      if (!skipped.includes(ch)) skipped.push(ch);
      continue;
    }
    events.push(...comboEvents(t.shift ? [SHIFT, t.key] : [t.key]));
  }
  return { events, skipped };
}

/** How to name a character the user cannot see ("U+00E9 é", "tab", "U+0007"). */
export function describeChar(ch: string): string {
  const cp = ch.codePointAt(0) ?? 0;
  const hex = `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
  return cp < 0x20 || (cp >= 0x7f && cp < 0xa0) ? hex : `${hex} ${ch}`;
}
