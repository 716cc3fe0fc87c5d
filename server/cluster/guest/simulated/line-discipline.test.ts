import { describe, expect, it } from 'vitest';
import { LineDiscipline } from './line-discipline.js';

function setup() {
  const out = { echo: '', lines: [] as string[], interrupts: 0, eofs: 0 };
  const ld = new LineDiscipline({
    echo: (t) => (out.echo += t),
    line: (l) => out.lines.push(l),
    interrupt: () => out.interrupts++,
    endOfFile: () => out.eofs++,
  });
  const type = (s: string) => ld.input(Buffer.from(s, 'utf8'));
  return { ld, out, type };
}

describe('LineDiscipline', () => {
  it('echoes typed characters and ends a line on CR with CR LF', () => {
    const { out, type } = setup();
    type('hostname\r');
    expect(out.echo).toBe('hostname\r\n');
    expect(out.lines).toEqual(['hostname']);
  });

  it('treats CR LF from a terminal as one line end, and a lone LF as one', () => {
    const { out, type } = setup();
    type('a\r\nb\n');
    expect(out.lines).toEqual(['a', 'b']);
  });

  it('erases with DEL and BS, echoing "\\b \\b"', () => {
    const { out, type } = setup();
    type('lsx\x7f\x08s\r');
    expect(out.lines).toEqual(['ls']);
    expect(out.echo).toBe('lsx\b \b\b \bs\r\n');
  });

  it('erases a whole UTF-8 character with one backspace', () => {
    const { out, type } = setup();
    type('café\x7f\r');
    expect(out.lines).toEqual(['caf']);
  });

  it('kills the line with Ctrl-U and the last word with Ctrl-W', () => {
    const { out, type } = setup();
    type('echo hello\x15whoami\r');
    type('echo one two\x17three\r');
    expect(out.lines).toEqual(['whoami', 'echo one three']);
  });

  it('interrupts with Ctrl-C, printing ^C and dropping the line', () => {
    const { out, type } = setup();
    type('sleep 100\x03');
    expect(out.interrupts).toBe(1);
    expect(out.echo.endsWith('^C\r\n')).toBe(true);
    type('date\r');
    expect(out.lines).toEqual(['date']);
  });

  it('reports Ctrl-D only on an empty line', () => {
    const { out, type } = setup();
    type('ab\x04');
    expect(out.eofs).toBe(0);
    type('\x15\x04');
    expect(out.eofs).toBe(1);
  });

  it('drops arrow keys and other escape sequences', () => {
    const { out, type } = setup();
    type('ec\x1b[A\x1b[Dho\x1bOB\x1b[3~ hi\r');
    expect(out.lines).toEqual(['echo hi']);
    expect(out.echo).not.toContain('\x1b');
  });

  it('does not echo when echo is off (password prompts) but still ends the line', () => {
    const { ld, out, type } = setup();
    ld.echoEnabled = false;
    type('secret\r');
    expect(out.lines).toEqual(['secret']);
    expect(out.echo).toBe('\r\n');
  });

  it('reassembles input split in the middle of a UTF-8 character or escape sequence', () => {
    const { ld, out } = setup();
    const bytes = Buffer.from('é\x1b[Cz\r', 'utf8');
    for (const b of bytes) ld.input(Uint8Array.of(b));
    expect(out.lines).toEqual(['éz']);
  });
});
