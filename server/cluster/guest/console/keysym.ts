/**
 * X11 keysyms (what RFB KeyEvents carry) to the bytes a Linux console sends for them.
 *
 * Tracks Shift/Control/Alt so that Ctrl+letter gives the control character, Alt+key gives
 * ESC + key, and Ctrl+Alt+Delete is reported as such (the guest reboots, as a real one would).
 */
const XK = {
  BackSpace: 0xff08,
  Tab: 0xff09,
  Return: 0xff0d,
  Escape: 0xff1b,
  Delete: 0xffff,
  Home: 0xff50,
  Left: 0xff51,
  Up: 0xff52,
  Right: 0xff53,
  Down: 0xff54,
  PageUp: 0xff55,
  PageDown: 0xff56,
  End: 0xff57,
  Insert: 0xff63,
  KP_Enter: 0xff8d,
  KP_Delete: 0xff9f,
  KP_Multiply: 0xffaa,
  KP_9: 0xffb9,
  F1: 0xffbe,
  F12: 0xffc9,
  Shift_L: 0xffe1,
  Shift_R: 0xffe2,
  Control_L: 0xffe3,
  Control_R: 0xffe4,
  Meta_L: 0xffe7,
  Meta_R: 0xffe8,
  Alt_L: 0xffe9,
  Alt_R: 0xffea,
  ISO_Level3_Shift: 0xfe03,
} as const;

const SPECIAL: Record<number, string> = {
  [XK.BackSpace]: '\x7f',
  [XK.Tab]: '\t',
  [XK.Return]: '\r',
  [XK.KP_Enter]: '\r',
  [XK.Escape]: '\x1b',
  [XK.Delete]: '\x1b[3~',
  [XK.KP_Delete]: '\x1b[3~',
  [XK.Home]: '\x1b[1~',
  [XK.End]: '\x1b[4~',
  [XK.Insert]: '\x1b[2~',
  [XK.PageUp]: '\x1b[5~',
  [XK.PageDown]: '\x1b[6~',
  [XK.Up]: '\x1b[A',
  [XK.Down]: '\x1b[B',
  [XK.Right]: '\x1b[C',
  [XK.Left]: '\x1b[D',
};

// Linux console function keys: F1–F5 are ESC [ [ A…E, F6–F12 like xterm.
const FUNCTION_KEYS = [
  '\x1b[[A',
  '\x1b[[B',
  '\x1b[[C',
  '\x1b[[D',
  '\x1b[[E',
  '\x1b[17~',
  '\x1b[18~',
  '\x1b[19~',
  '\x1b[20~',
  '\x1b[21~',
  '\x1b[23~',
  '\x1b[24~',
];

export type KeyAction = { kind: 'bytes'; bytes: string } | { kind: 'ctrl-alt-del' } | { kind: 'none' };

/** Turns a keysym into the character it types, if it is a character key. */
function keysymToChar(keysym: number): string | undefined {
  if (keysym >= 0x20 && keysym <= 0x7e) return String.fromCharCode(keysym);
  if (keysym >= 0xa0 && keysym <= 0xff) return String.fromCharCode(keysym);
  if (keysym >= 0x01000100 && keysym <= 0x0110ffff) return String.fromCodePoint(keysym - 0x01000000);
  if (keysym >= 0xffb0 && keysym <= XK.KP_9) return String.fromCharCode(0x30 + keysym - 0xffb0);
  if (keysym >= XK.KP_Multiply && keysym < 0xffb0) return '*+,-./'[keysym - XK.KP_Multiply];
  return undefined;
}

export class KeyboardState {
  private shift = 0;
  private control = 0;
  private alt = 0;

  /** Feeds one RFB KeyEvent; returns what the guest receives. */
  key(keysym: number, down: boolean): KeyAction {
    const delta = down ? 1 : -1;
    switch (keysym) {
      case XK.Shift_L:
      case XK.Shift_R:
        this.shift = Math.max(0, this.shift + delta);
        return { kind: 'none' };
      case XK.Control_L:
      case XK.Control_R:
        this.control = Math.max(0, this.control + delta);
        return { kind: 'none' };
      case XK.Alt_L:
      case XK.Alt_R:
      case XK.Meta_L:
      case XK.Meta_R:
        this.alt = Math.max(0, this.alt + delta);
        return { kind: 'none' };
      case XK.ISO_Level3_Shift:
        return { kind: 'none' };
    }
    if (!down) return { kind: 'none' };
    if ((keysym === XK.Delete || keysym === XK.KP_Delete) && this.control > 0 && this.alt > 0)
      return { kind: 'ctrl-alt-del' };
    if (keysym >= XK.F1 && keysym <= XK.F12) {
      // Ctrl+Alt+Fn switches virtual terminals on a real console; this guest has one.
      return this.control > 0 && this.alt > 0
        ? { kind: 'none' }
        : { kind: 'bytes', bytes: FUNCTION_KEYS[keysym - XK.F1] };
    }
    const special = SPECIAL[keysym];
    if (special !== undefined) return { kind: 'bytes', bytes: this.withAlt(special) };
    const ch = keysymToChar(keysym);
    if (ch === undefined) return { kind: 'none' };
    return { kind: 'bytes', bytes: this.withAlt(this.control > 0 ? controlChar(ch) : ch) };
  }

  private withAlt(bytes: string): string {
    return this.alt > 0 ? `\x1b${bytes}` : bytes;
  }
}

/** Ctrl+key: letters and @[\]^_ map to 0x00–0x1f, `?` to DEL, space to NUL. */
function controlChar(ch: string): string {
  const code = ch.toUpperCase().charCodeAt(0);
  if (code >= 0x40 && code <= 0x5f) return String.fromCharCode(code & 0x1f);
  if (ch === ' ' || ch === '2') return '\x00';
  if (ch === '?') return '\x7f';
  return ch;
}
