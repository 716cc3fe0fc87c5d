import { describe, expect, it } from 'vitest';
import { KeyboardState, type KeyAction } from './keysym.js';

const XK = {
  Shift_L: 0xffe1,
  Control_L: 0xffe3,
  Alt_L: 0xffe9,
  Return: 0xff0d,
  BackSpace: 0xff08,
  Tab: 0xff09,
  Escape: 0xff1b,
  Delete: 0xffff,
  Up: 0xff52,
  Left: 0xff51,
  F1: 0xffbe,
  F5: 0xffc2,
};

/** Presses `keys` in order, releases them in reverse; returns the actions of the presses. */
function chord(kb: KeyboardState, ...keys: number[]): KeyAction[] {
  const actions = keys.map((k) => kb.key(k, true));
  for (const k of [...keys].reverse()) kb.key(k, false);
  return actions;
}

const bytes = (s: string): KeyAction => ({ kind: 'bytes', bytes: s });

describe('KeyboardState (X11 keysyms to console bytes)', () => {
  it('types letters, digits and shifted punctuation from their keysyms', () => {
    const kb = new KeyboardState();
    expect(chord(kb, 0x61)).toEqual([bytes('a')]);
    expect(chord(kb, 0x37)).toEqual([bytes('7')]);
    // noVNC sends the shifted keysym ('A', '$') with Shift held: the keysym is what counts.
    expect(chord(kb, XK.Shift_L, 0x41)).toEqual([{ kind: 'none' }, bytes('A')]);
    expect(chord(kb, XK.Shift_L, 0x24)[1]).toEqual(bytes('$'));
    expect(chord(kb, 0xe9)).toEqual([bytes('é')]);
    expect(chord(kb, 0x010020ac)).toEqual([bytes('€')]);
  });

  it('maps Return, BackSpace, Tab, Escape, arrows, Delete and function keys like the Linux console', () => {
    const kb = new KeyboardState();
    expect(chord(kb, XK.Return)).toEqual([bytes('\r')]);
    expect(chord(kb, XK.BackSpace)).toEqual([bytes('\x7f')]);
    expect(chord(kb, XK.Tab)).toEqual([bytes('\t')]);
    expect(chord(kb, XK.Escape)).toEqual([bytes('\x1b')]);
    expect(chord(kb, XK.Up)).toEqual([bytes('\x1b[A')]);
    expect(chord(kb, XK.Left)).toEqual([bytes('\x1b[D')]);
    expect(chord(kb, XK.Delete)).toEqual([bytes('\x1b[3~')]);
    expect(chord(kb, XK.F1)).toEqual([bytes('\x1b[[A')]);
  });

  it('sends control characters with Ctrl and an ESC prefix with Alt', () => {
    const kb = new KeyboardState();
    expect(chord(kb, XK.Control_L, 0x63)[1]).toEqual(bytes('\x03'));
    expect(chord(kb, XK.Control_L, 0x55)[1]).toEqual(bytes('\x15'));
    expect(chord(kb, XK.Control_L, 0x64)[1]).toEqual(bytes('\x04'));
    expect(chord(kb, XK.Alt_L, 0x62)[1]).toEqual(bytes('\x1bb'));
    // Modifiers are released: plain again.
    expect(chord(kb, 0x63)).toEqual([bytes('c')]);
  });

  it('reports Ctrl+Alt+Del, and ignores Ctrl+Alt+Fn (no other virtual terminals)', () => {
    const kb = new KeyboardState();
    expect(chord(kb, XK.Control_L, XK.Alt_L, XK.Delete)[2]).toEqual({ kind: 'ctrl-alt-del' });
    expect(chord(kb, XK.Control_L, XK.Alt_L, XK.F5)[2]).toEqual({ kind: 'none' });
  });

  it('does nothing on key release', () => {
    const kb = new KeyboardState();
    expect(kb.key(0x61, false)).toEqual({ kind: 'none' });
  });
});
