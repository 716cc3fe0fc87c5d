import { describe, expect, it } from 'vitest';
import { canType, comboEvents, describeChar, KEY_COMBOS, planPaste, XK } from './keysyms';

describe('paste keysyms', () => {
  it('types printable ASCII, newline and tab, and nothing else', () => {
    for (let c = 0x20; c <= 0x7e; c++) expect(canType(String.fromCharCode(c))).toBe(true);
    expect(canType('\n')).toBe(true);
    expect(canType('\r')).toBe(true);
    expect(canType('\t')).toBe(true);
    for (const ch of ['é', 'ß', '€', '😀', '\x07', '\x1b', '\u00a0', 'ж']) expect(canType(ch)).toBe(false);
  });

  it('sends each letter as its keysym and key, holding Shift for capitals and shifted symbols', () => {
    const { events, skipped } = planPaste('aZ!');
    expect(skipped).toEqual([]);
    expect(events).toEqual([
      { keysym: 0x61, code: 'KeyA', down: true },
      { keysym: 0x61, code: 'KeyA', down: false },
      { keysym: XK.Shift_L, code: 'ShiftLeft', down: true },
      { keysym: 0x5a, code: 'KeyZ', down: true },
      { keysym: 0x5a, code: 'KeyZ', down: false },
      { keysym: XK.Shift_L, code: 'ShiftLeft', down: false },
      { keysym: XK.Shift_L, code: 'ShiftLeft', down: true },
      { keysym: 0x21, code: 'Digit1', down: true },
      { keysym: 0x21, code: 'Digit1', down: false },
      { keysym: XK.Shift_L, code: 'ShiftLeft', down: false },
    ]);
  });

  it('types one Enter for LF, CRLF and CR', () => {
    const enters = (t: string) => planPaste(t).events.filter((e) => e.keysym === XK.Return && e.down).length;
    expect(enters('a\nb')).toBe(1);
    expect(enters('a\r\nb')).toBe(1);
    expect(enters('a\rb\r\n')).toBe(2);
  });

  it('skips what it cannot type and lists each such character once', () => {
    const { events, skipped } = planPaste('café € café');
    expect(skipped).toEqual(['é', '€']);
    expect(events.filter((e) => e.down && e.keysym !== XK.Shift_L)).toHaveLength('caf  caf'.length);
  });

  it('names invisible characters by code point', () => {
    expect(describeChar('é')).toBe('U+00E9 é');
    expect(describeChar('\x07')).toBe('U+0007');
    expect(describeChar('😀')).toBe('U+1F600 😀');
  });
});

describe('send-keys combinations', () => {
  it('presses in order and releases in reverse', () => {
    const cad = KEY_COMBOS.find((c) => c.id === 'ctrl-alt-del');
    expect(cad?.label).toBe('Ctrl+Alt+Del');
    expect(comboEvents(cad?.keys ?? []).map((e) => `${e.down ? '+' : '-'}${e.code}`)).toEqual([
      '+ControlLeft',
      '+AltLeft',
      '+Delete',
      '-Delete',
      '-AltLeft',
      '-ControlLeft',
    ]);
  });

  it('has Ctrl+Alt+F1 to F12 with their keysyms', () => {
    for (let n = 1; n <= 12; n++) {
      const combo = KEY_COMBOS.find((c) => c.label === `Ctrl+Alt+F${n}`);
      expect(combo?.keys[2]).toEqual({ keysym: 0xffbe + n - 1, code: `F${n}` });
    }
  });
});
